package io.cvolsim.scenarios.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.checker.history.HistoryRecorder;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import io.cvolsim.scenarios.workload.CompletionRecorder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** S14's status half on a database at the end: in-use only while attached, available only while not. */
class AttachmentConsistencyPropertyTest {
  private final HistoryRecorder history = new HistoryRecorder(() -> 0);

  private static Row volume(String id, String status, String attachStatus) {
    return Row.of(Row.values("id", id, "status", status, "attach_status", attachStatus, "deleted", false));
  }

  private PropertyResult check(Row... volumes) {
    return AttachmentConsistencyProperty.check(Map.of(Database.VOLUMES, List.of(volumes)), history.build());
  }

  @Test
  void agreeingStatuses_hold() {
    assertThat(check(volume("a", "in-use", "attached"), volume("b", "available", "detached")).status())
        .isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void inUseButDetached_orAvailableButAttached_isViolated() {
    PropertyResult result = check(volume("a", "in-use", "detached"), volume("b", "available", "attached"));
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.witness()).containsExactly("a is in-use with attach_status detached",
        "b is available with attach_status attached");
  }

  @Test
  void aVolumeAClientResetIsACaveat_butOneAVolumeServiceCompletedIsNot() {
    history.invoke(1, "complete", Map.of("volume", "b", "status", "available"));
    history.invoke(CompletionRecorder.FIRST_WRITER_PROCESS, "complete", Map.of("volume", "c", "status", "available"));
    PropertyResult result = check(volume("b", "available", "attached"), volume("c", "available", "attached"));
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.witness()).containsExactly("c is available with attach_status attached",
        "caveat: b is available with attach_status attached, after an admin's reset-state");
  }

  @Test
  void nothingAttached_isNotExercised() {
    assertThat(check(volume("a", "available", "detached")).status()).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }
}
