package io.cvolsim.scenarios.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.storage.IoCall;
import io.cvolsim.model.storage.IoLogEntry;
import io.cvolsim.model.storage.IoOutcome;
import io.cvolsim.model.storage.StorageOperation;
import io.cvolsim.model.volume.RowVersionTokens;
import io.cvolsim.model.workers.WorkerEntry;
import io.cvolsim.model.workers.WorkerEvent;
import io.cvolsim.reports.PropertyStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A zombie (c-vol-2, declared down while deleting v1 under workers row 7 version 1) keeps going
 * after c-vol-1's cleanup ran on that row version: its next driver call under the old version
 * is what S8's second half forbids, unless the array refuses it (storage fencing).
 */
class CleanupRacesOwnerPropertyTest {
  private static final WorkerEntry ROW = new WorkerEntry(7, "Volume", "v1", "deleting", 2L, 1, 0, false);
  private static final WorkerEvent CLEANUP =
      new WorkerEvent(100, WorkerEvent.Kind.ACTION_RUN, "c-vol-1", 1L, ROW, 90L);

  private static IoLogEntry zombieDelete(long startNanos, IoOutcome outcome) {
    return new IoLogEntry(1, new IoCall(NodeId.of("c-vol-2"), StorageOperation.DELETE_VOLUME, "v1", null,
        RowVersionTokens.of(ROW)), startNanos, startNanos + 10, outcome, "", null);
  }

  @Test
  void ownersCallUnderTheCleanedVersion_acceptedAfterTheCleanup_isAViolation() {
    assertThat(CleanupRacesOwnerProperty.check(List.of(CLEANUP), List.of(zombieDelete(150, IoOutcome.COMPLETED)))
        .status()).isEqualTo(PropertyStatus.VIOLATED);
  }

  @Test
  void refusedOrEarlierCalls_hold_andNoCleanupIsNotExercised() {
    assertThat(CleanupRacesOwnerProperty.check(List.of(CLEANUP),
        List.of(zombieDelete(150, IoOutcome.REFUSED_STALE_TOKEN), zombieDelete(50, IoOutcome.COMPLETED)))
        .status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(CleanupRacesOwnerProperty.check(List.of(), List.of(zombieDelete(150, IoOutcome.COMPLETED)))
        .status()).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }

  @Test
  void aNewerRowVersion_isNewWork_notTheZombies() {
    WorkerEntry reclaimed = new WorkerEntry(7, "Volume", "v1", "deleting", 1L, 2, 0, false);
    IoLogEntry cleanersOwnDelete = new IoLogEntry(2, new IoCall(NodeId.of("c-vol-2"), StorageOperation.DELETE_VOLUME,
        "v1", null, RowVersionTokens.of(reclaimed)), 150, 160, IoOutcome.COMPLETED, "", null);
    assertThat(CleanupRacesOwnerProperty.check(List.of(CLEANUP), List.of(cleanersOwnDelete)).status())
        .isEqualTo(PropertyStatus.HOLDS);
  }
}
