package io.cvolsim.model.volume;

import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.config.VolumeLock;
import io.cvolsim.model.db.Condition;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.dlm.LockWait;
import io.cvolsim.model.rpc.VolumeRpc;
import java.util.List;
import java.util.function.Supplier;

/**
 * c-vol's half of the attachments API (reference §2.3 rows "attachment_update (new)" and
 * "detach / attachment_delete"). Both arrive as RPC calls the API waits on, so a failure here is
 * the API's failure too: the handler fails and the broker hands the failure back to the caller.
 */
final class AttachmentOperations {
  private final ManagerContext manager;

  AttachmentOperations(ManagerContext manager) {
    this.manager = manager;
  }

  /**
   * Export to the connector's host, then {@code volume_attached(mark_attached=False)}: the
   * attachment and the volume become attaching; os-attach_complete at the API finishes the job.
   * A failed export leaves the attachment error_attaching, no longer live.
   */
  SimFuture<Void> update(VolumeRpc.AttachmentUpdate job) {
    return underDeleteLock(job.volumeId(), "attachment_update", () -> liveAttachment(job.attachmentId())
        .flatMap(attachment -> manager.driver().initializeConnection(job.volumeId(), job.connectorHost())
            .thenHandle(outcome -> {
              if (!outcome.isSuccess()) {
                return markAttachment(job.attachmentId(), Row.values("attach_status", "error_attaching"))
                    .flatMap(marked -> SimFuture.<Void>failed(Failure.error("export failed for " + job.volumeId())));
              }
              return markAttachment(job.attachmentId(), Row.values("attach_status", "attaching",
                      "attached_host", job.connectorHost()))
                  .flatMap(marked -> manager.writer().recompute(Database.VOLUMES, job.volumeId(),
                      Row.values("status", "attaching", "attach_status", "attaching")))
                  .map(written -> null);
            })));
  }

  /**
   * End the connection, then {@code volume_detached}: soft-delete the attachment and recompute the
   * volume from those left - in-use while any lives, else available - on a volume that still lives.
   */
  SimFuture<Void> delete(VolumeRpc.AttachmentDelete job) {
    return underDeleteLock(job.volumeId(), "attachment_delete", () -> manager.driver()
        .terminateConnection(job.volumeId(), job.connectorHost()).thenHandle(outcome -> {
          if (!outcome.isSuccess()) {
            return markAttachment(job.attachmentId(), Row.values("attach_status", "error_detaching"))
                .flatMap(marked -> SimFuture.<Void>failed(Failure.error("detach failed for " + job.volumeId())));
          }
          return markAttachment(job.attachmentId(), Row.values("attach_status", "detached", "deleted", true))
              .flatMap(removed -> manager.db().select(Database.ATTACHMENTS, liveOf(job.volumeId())))
              .flatMap(left -> manager.writer().recompute(Database.VOLUMES, job.volumeId(), left.isEmpty()
                  ? Row.values("status", "available", "attach_status", "detached")
                  : Row.values("status", "in-use", "attach_status", "attached")))
              .map(written -> null);
        }));
  }

  /** The attachments of a volume that are not deleted, whatever their attach_status. */
  static Condition liveOf(String volumeId) {
    return Condition.all(Condition.eq("volume_id", volumeId), Condition.notEq("deleted", true));
  }

  /** Cinder loads the attachment first; a deleted one is VolumeAttachmentNotFound. */
  private SimFuture<Row> liveAttachment(String attachmentId) {
    return manager.db().get(Database.ATTACHMENTS, attachmentId).flatMap(row -> row == null || row.isTrue("deleted")
        ? SimFuture.failed(Failure.error("VolumeAttachmentNotFound " + attachmentId))
        : SimFuture.succeeded(row));
  }

  private SimFuture<Boolean> markAttachment(String attachmentId, java.util.SortedMap<String, Object> fields) {
    return manager.db().save(Database.ATTACHMENTS, attachmentId, fields);
  }

  /** Cinder takes no volume lock here; the harness's delete lock, when on, excludes a force-delete. */
  private SimFuture<Void> underDeleteLock(String volumeId, String purpose, Supplier<SimFuture<Void>> body) {
    if (manager.config().volumeLock() != VolumeLock.DELETE_LOCK) {
      return body.get();
    }
    return manager.locks().synchronizedOn(List.of(volumeId + "-delete_volume"), LockWait.forever(), purpose, body);
  }
}
