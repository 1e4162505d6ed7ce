package io.cvolsim.model.api;

import io.cvolsim.model.config.AttachmentDeleteStatus;
import io.cvolsim.model.config.AttachmentLock;
import io.cvolsim.model.config.ManagerCompletion;
import io.cvolsim.model.dlm.DlmOptions;
import io.cvolsim.model.dlm.LockLog;

/**
 * How an API node serves the attachments API (micro-version 3.27). An API node without these
 * options serves only the legacy attach calls and starts no coordinator.
 *
 * @param lock whether attachment_update runs under the DLM lock with its duplicate check (#1833736)
 * @param deleteStatus who writes the volume's final status after attachment_delete (#1937084)
 * @param dlm the node's Tooz coordinator options ({@code coordination.backend} and its kin)
 * @param lockLog where the coordinator writes its lock events
 * @param statusWrites told of every volume status write the API makes for an attachment, so the
 *     history shows who moved the volume
 * @param detachReturnDelayMaxNanos longest wait for eventlet after attachment_delete's call to c-vol
 *     returns; 0 draws nothing
 * @param completion how the API's status writes that end an attach or detach are made: Cinder's
 *     save of the loaded volume, or (manager.completion=cas) never over a delete that took the
 *     volume meanwhile
 */
public record AttachmentApiOptions(AttachmentLock lock, AttachmentDeleteStatus deleteStatus, DlmOptions dlm,
    LockLog lockLog, StatusWriteObserver statusWrites, long detachReturnDelayMaxNanos, ManagerCompletion completion) {

  /** Cinder's blind status writes. */
  public AttachmentApiOptions(AttachmentLock lock, AttachmentDeleteStatus deleteStatus, DlmOptions dlm,
      LockLog lockLog, StatusWriteObserver statusWrites, long detachReturnDelayMaxNanos) {
    this(lock, deleteStatus, dlm, lockLog, statusWrites, detachReturnDelayMaxNanos, ManagerCompletion.BLIND);
  }

  public AttachmentApiOptions {
    if (detachReturnDelayMaxNanos < 0) {
      throw new IllegalArgumentException("detach return delay must not be negative: " + detachReturnDelayMaxNanos);
    }
  }
}
