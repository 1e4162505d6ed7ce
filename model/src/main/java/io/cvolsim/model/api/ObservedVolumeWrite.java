package io.cvolsim.model.api;

import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.config.ManagerCompletion;
import io.cvolsim.model.db.AttachFlow;
import io.cvolsim.model.db.Assignment;
import io.cvolsim.model.db.Condition;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DbClient;
import java.util.SortedMap;

/**
 * A conditional write of volume fields that the harness's observer sees, as c-vol's status
 * writes are seen: the attachments API moves a volume from the API as well as from c-vol, and the
 * history must show every move to be checked.
 */
final class ObservedVolumeWrite {
  private final NodeContext context;
  private final DbClient db;
  private final StatusWriteObserver observer;

  ObservedVolumeWrite(NodeContext context, DbClient db, StatusWriteObserver observer) {
    this.context = context;
    this.db = db;
    this.observer = observer;
  }

  /** Writes {@code fields} when the volume row matches {@code expected}; true when it did. */
  SimFuture<Boolean> write(String volumeId, Condition expected, SortedMap<String, Object> fields) {
    return observer.observe(context.self().name(), volumeId, fields,
        db.conditionalUpdate(Database.VOLUMES, volumeId, expected, Assignment.setAll(fields)));
  }

  /** What a write that ends an attach or detach did. */
  enum Ending { WRITTEN, VOLUME_GONE, LEFT_TO_A_LATER_TRANSITION }

  /**
   * The status ending an attach or detach: a save of the loaded volume (blind), or not over a
   * delete that took the volume meanwhile (cas). Not written on a live volume means that delete
   * owns the status now.
   */
  SimFuture<Ending> writeEnding(String volumeId, SortedMap<String, Object> fields, ManagerCompletion completion) {
    return write(volumeId, AttachFlow.endingMayLand(completion), fields).flatMap(written -> written ? SimFuture.succeeded(Ending.WRITTEN)
        : db.get(Database.VOLUMES, volumeId).map(row -> {
          if (row == null || row.isTrue("deleted")) {
            return Ending.VOLUME_GONE;
          }
          context.probe("api.attachment-status-left-to-a-later-transition");
          return Ending.LEFT_TO_A_LATER_TRANSITION;
        }));
  }
}
