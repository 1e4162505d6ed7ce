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

/** S14 on a database at the end: status against attach_status, and against live attachment rows. */
class AttachmentConsistencyPropertyTest {
  private final HistoryRecorder history = new HistoryRecorder(() -> 0);

  private static Row volume(String id, String status, String attachStatus) {
    return Row.of(Row.values("id", id, "status", status, "attach_status", attachStatus, "deleted", false));
  }

  private PropertyResult check(Row... volumes) {
    return AttachmentConsistencyProperty.check(Map.of(Database.VOLUMES, List.of(volumes)), history.build());
  }

  private static Row attachment(long id, String volumeId, String attachStatus, boolean deleted) {
    return Row.of(Row.values("id", id, "volume_id", volumeId, "attach_status", attachStatus, "deleted", deleted));
  }

  private PropertyResult check(List<Row> volumes, Row... attachments) {
    return AttachmentConsistencyProperty.check(Map.of(Database.VOLUMES, volumes, Database.ATTACHMENTS,
        List.of(attachments)), history.build());
  }

  /** The half that needs attachment rows: one live attachment unless multiattach, in-use exactly then. */
  @Test
  void twoLiveAttachments_orInUseWithNone_isViolated_butDeletedAndErroredOnesDoNotCount() {
    List<Row> volumes = List.of(volume("a", "in-use", "attached"), volume("b", "in-use", "attached"));
    assertThat(check(volumes, attachment(1, "a", "attached", false), attachment(2, "a", "attached", true),
        attachment(3, "a", "error_attaching", false), attachment(4, "b", "attaching", false)).status())
        .isEqualTo(PropertyStatus.HOLDS);

    PropertyResult result = check(volumes, attachment(1, "a", "attached", false), attachment(2, "a", "reserved", false));
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.witness()).containsExactly("a has 2 live attachments and is not multiattach",
        "b is in-use with 0 live attachments");
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

  private static Row attachmentRow(String id, String attachStatus, boolean deleted) {
    return Row.of(Row.values("id", id, "volume_id", "v", "attach_status", attachStatus, "deleted", deleted));
  }

  private static Row deletedVolume() {
    return Row.of(Row.values("id", "v", "status", "deleted", "attach_status", "detached", "deleted", true));
  }

  /**
   * LP #1937084: a refused attachment_delete of an attachment that was detached, on a volume now
   * gone. Refusals of an attachment backed out as a duplicate (never detached), or on a volume
   * that still lives, are not that divergence.
   */
  @Test
  void aRefusedDetachThatTookPlace_onADeletedVolume_isViolated_otherRefusalsAreNot() {
    history.invoke(1, "attachment-delete", Map.of("volume", "v", "attachment", "a1")).fail(
        Map.of("volume", "v", "attachment", "a1"));
    history.invoke(2, "attachment-delete", Map.of("volume", "v", "attachment", "a2")).fail(
        Map.of("volume", "v", "attachment", "a2"));
    PropertyResult backedOut = AttachmentConsistencyProperty.check(Map.of(Database.VOLUMES, List.of(deletedVolume()),
        Database.ATTACHMENTS, List.of(attachmentRow("a2", "reserved", true))), history.build());
    assertThat(backedOut.status()).isEqualTo(PropertyStatus.NOT_EXERCISED);

    PropertyResult diverged = AttachmentConsistencyProperty.check(Map.of(Database.VOLUMES, List.of(deletedVolume()),
        Database.ATTACHMENTS, List.of(attachmentRow("a1", "detached", true))), history.build());
    assertThat(diverged.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(diverged.witness()).singleElement().satisfies(line -> assertThat(line)
        .startsWith("attachment_delete of a1 on v was refused").endsWith("the client keeps an attachment Cinder removed"));

    PropertyResult volumeLives = AttachmentConsistencyProperty.check(Map.of(Database.VOLUMES,
        List.of(volume("v", "available", "detached")), Database.ATTACHMENTS,
        List.of(attachmentRow("a1", "detached", true))), history.build());
    assertThat(volumeLives.status()).isNotEqualTo(PropertyStatus.VIOLATED);
  }
}
