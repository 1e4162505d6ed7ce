package io.cvolsim.scenarios.runbook;

import io.cvolsim.model.config.AttachmentDeleteStatus;
import io.cvolsim.model.config.AttachmentLock;

/**
 * The attachments API's variants for a runbook whose API nodes serve it (Cinder's defaults are
 * {@link #cinderToday()}); a runbook without these serves only the legacy attach calls.
 */
record RunbookAttachments(AttachmentLock lock, AttachmentDeleteStatus deleteStatus) {
  static RunbookAttachments cinderToday() {
    return new RunbookAttachments(AttachmentLock.DLM, AttachmentDeleteStatus.C_VOL);
  }

  RunbookAttachments withLock(AttachmentLock newLock) {
    return new RunbookAttachments(newLock, deleteStatus);
  }

  RunbookAttachments withDeleteStatus(AttachmentDeleteStatus newDeleteStatus) {
    return new RunbookAttachments(lock, newDeleteStatus);
  }
}
