package io.cvolsim.model.storage;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cvolsim.kernel.api.NodeId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageValuesTest {

  @Test
  void copyRecord_isTornUnlessTheTargetStartsWithTheSourceAtStart() {
    Content source = new Content(List.of(3L, 0L));
    assertThat(new CopyRecord(source, new Content(List.of(3L, 0L, 0L))).isTorn()).isFalse();
    assertThat(new CopyRecord(source, new Content(List.of(3L, 7L))).isTorn()).isTrue();
    assertThat(new CopyRecord(source, new Content(List.of(3L, Content.NOT_COPIED))).isTorn()).isTrue();
    assertThat(new CopyRecord(source, Content.empty(0)).isTorn()).isTrue();
  }

  @Test
  void durationRange_parsesAndPrintsTheCliForm() {
    assertThat(DurationRange.parse("250ms..2s")).isEqualTo(DurationRange.between(millis(250), seconds(2)));
    assertThat(DurationRange.parse("1s")).isEqualTo(DurationRange.between(seconds(1), seconds(1)));
    assertThat(DurationRange.between(millis(250), seconds(2))).hasToString("250ms..2s");
    assertThatThrownBy(() -> DurationRange.parse("2s..1s")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void optionValues_areTheDocumentedSetValues() {
    assertThat(Arrays.stream(FencingMode.values()).map(FencingMode::optionValue))
        .containsExactly("none", "self", "stonith", "storage");
    assertThat(Arrays.stream(TokenFencing.values()).map(TokenFencing::optionValue)).containsExactly("off", "on");
    assertThat(Arrays.stream(RevokedInFlight.values()).map(RevokedInFlight::optionValue))
        .containsExactly("continue", "abort");
    assertThat(Arrays.stream(ActiveActiveSupport.values()).map(ActiveActiveSupport::optionValue))
        .containsExactly("true", "false");
    assertThat(Arrays.stream(CloneMethod.values()).map(CloneMethod::optionValue))
        .containsExactly("block-copy", "temporary-snapshot");
  }

  @Test
  void acceptedWhileRevoked_findsACallAdmittedAfterARevocation() {
    long[] now = {0};
    StorageIoLog log = new StorageIoLog(() -> now[0]);
    NodeId zombie = NodeId.of("c-vol-a");
    NodeId cleaner = NodeId.of("c-vol-b");
    log.instant(new IoCall(cleaner, StorageOperation.REVOKE_ACCESS, zombie.name(), null, null),
        IoOutcome.COMPLETED, "access revoked");
    now[0] = 5;
    long write = log.begin(new IoCall(zombie, StorageOperation.WRITE_BLOCK, "v1", null, null));
    log.end(write, IoOutcome.COMPLETED, "written", null);
    log.instant(new IoCall(cleaner, StorageOperation.RESTORE_ACCESS, zombie.name(), null, null),
        IoOutcome.COMPLETED, "access restored");
    log.instant(new IoCall(zombie, StorageOperation.WRITE_BLOCK, "v1", null, null), IoOutcome.COMPLETED, "");

    assertThat(StorageLogFindings.acceptedWhileRevoked(log.entries())).containsExactly(log.entry(write));
  }

  /** Two schedulers cleaning the same dead node both revoke it; its restart restores it once. */
  @Test
  void acceptedWhileRevoked_twoRevocationsAreUndoneByOneRestore() {
    StorageIoLog log = new StorageIoLog(() -> 0);
    NodeId node = NodeId.of("c-vol-a");
    for (String cleaner : new String[] {"sch-1", "sch-2"}) {
      log.instant(new IoCall(NodeId.of(cleaner), StorageOperation.REVOKE_ACCESS, node.name(), null, null),
          IoOutcome.COMPLETED, "access revoked");
    }
    log.instant(new IoCall(node, StorageOperation.RESTORE_ACCESS, node.name(), null, null),
        IoOutcome.COMPLETED, "access restored");
    log.instant(new IoCall(node, StorageOperation.WRITE_BLOCK, "v1", null, null), IoOutcome.COMPLETED, "");

    assertThat(StorageLogFindings.acceptedWhileRevoked(log.entries())).isEmpty();
  }

  @Test
  void overlap_needsACommonInstant() {
    long[] now = {0};
    StorageIoLog log = new StorageIoLog(() -> now[0]);
    IoCall call = new IoCall(NodeId.of("n"), StorageOperation.DELETE_VOLUME, "v1", null, null);
    long first = log.begin(call);
    now[0] = 10;
    log.end(first, IoOutcome.COMPLETED, "", null);
    long second = log.begin(call);
    assertThat(log.entry(first).overlaps(log.entry(second))).isFalse(); // touching ends
    assertThat(log.entry(second).isOpen()).isTrue();
    assertThat(log.openEntries()).containsExactly(log.entry(second));
  }
}
