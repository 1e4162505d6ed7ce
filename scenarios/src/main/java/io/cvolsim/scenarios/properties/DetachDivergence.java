package io.cvolsim.scenarios.properties;

import io.cvolsim.checker.history.History;
import io.cvolsim.checker.history.Operation;
import io.cvolsim.checker.history.OperationType;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * S14's test for LP #1937084 (reference §10): an attachment_delete a client saw refused although
 * the detach took place (its attachment row ended deleted as detached) and the volume is gone.
 * Nova, told 4xx, keeps the attachment and the instance keeps a volume Cinder no longer has. The
 * client sends one delete per attachment, so a refusal of a detached one is never a repeat.
 */
final class DetachDivergence {
  private DetachDivergence() {}

  static List<String> witness(Map<String, List<Row>> database, History history) {
    List<String> witness = new ArrayList<>();
    for (Operation operation : history.operations()) {
      if (operation.type() != OperationType.FAIL || !operation.f().equals("attachment-delete")
          || !(operation.value() instanceof Map<?, ?> value)) {
        continue;
      }
      Object volumeId = value.get("volume");
      Object attachmentId = value.get("attachment");
      Row attachment = rowOf(database, Database.ATTACHMENTS, attachmentId);
      Row volume = rowOf(database, Database.VOLUMES, volumeId);
      boolean detached = attachment != null && attachment.isTrue("deleted")
          && "detached".equals(attachment.get("attach_status"));
      if (detached && (volume == null || volume.isTrue("deleted"))) {
        witness.add("attachment_delete of " + attachmentId + " on " + volumeId + " was refused at "
            + io.cvolsim.kernel.api.Durations.formatTimestamp(operation.timeNanos()) + ", yet " + attachmentId
            + " was detached and " + volumeId + " deleted: the client keeps an attachment Cinder removed");
      }
    }
    return witness;
  }

  private static Row rowOf(Map<String, List<Row>> database, String table, Object id) {
    return database.getOrDefault(table, List.of()).stream().filter(row -> row.get("id").equals(id))
        .findFirst().orElse(null);
  }
}
