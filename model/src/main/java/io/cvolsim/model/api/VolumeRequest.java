package io.cvolsim.model.api;

import io.cvolsim.kernel.api.Message;

/**
 * A REST request to the volume API, from a client. Volume ids are chosen by the client so that
 * a history can be partitioned per volume from the invocation on (Cinder generates them; that is
 * a modelling simplification with no effect on the transitions).
 */
public sealed interface VolumeRequest extends Message {
  String volumeId();

  /** The name used in histories and reports. */
  String operation();

  /** Create, empty or from a source volume or snapshot (sources null when absent). */
  record Create(String volumeId, String volumeTypeId, String sourceVolumeId, String sourceSnapshotId)
      implements VolumeRequest {
    public static Create empty(String volumeId, String volumeTypeId) {
      return new Create(volumeId, volumeTypeId, null, null);
    }

    @Override
    public String operation() {
      return "create";
    }
  }

  record Delete(String volumeId, boolean force) implements VolumeRequest {
    @Override
    public String operation() {
      return force ? "force-delete" : "delete";
    }
  }

  record Extend(String volumeId, long newSizeGb) implements VolumeRequest {
    @Override
    public String operation() {
      return "extend";
    }
  }

  record Reserve(String volumeId) implements VolumeRequest {
    @Override
    public String operation() {
      return "reserve";
    }
  }

  record Unreserve(String volumeId) implements VolumeRequest {
    @Override
    public String operation() {
      return "unreserve";
    }
  }

  record BeginDetaching(String volumeId) implements VolumeRequest {
    @Override
    public String operation() {
      return "begin-detaching";
    }
  }

  record RollDetaching(String volumeId) implements VolumeRequest {
    @Override
    public String operation() {
      return "roll-detaching";
    }
  }

  record Retype(String volumeId, String newVolumeTypeId) implements VolumeRequest {
    @Override
    public String operation() {
      return "retype";
    }
  }

  record Migrate(String volumeId, String destinationHost) implements VolumeRequest {
    @Override
    public String operation() {
      return "migrate";
    }
  }

  /** POST /snapshots: no CAS; insert, then re-check the volume (reference §2.2). */
  record CreateSnapshot(String volumeId, String snapshotId) implements VolumeRequest {
    @Override
    public String operation() {
      return "create-snapshot";
    }
  }

  record DeleteSnapshot(String volumeId, String snapshotId) implements VolumeRequest {
    @Override
    public String operation() {
      return "delete-snapshot";
    }
  }

  /**
   * Admin os-reset_status: a write without conditions. In a history it is a blind write, the
   * model's {@code complete}.
   */
  record ResetState(String volumeId, String status) implements VolumeRequest {
    @Override
    public String operation() {
      return "complete";
    }
  }

  /**
   * POST /attachments without a connector (Nova's reserve): the attachment id is the client's,
   * as volume ids are, so a history names it from the invocation on.
   */
  record AttachmentReserve(String volumeId, String attachmentId, String instanceUuid) implements VolumeRequest {
    @Override
    public String operation() {
      return "attachment-reserve";
    }
  }

  /** PUT /attachments/{id} with the connector of compute host {@code connectorHost}. */
  record AttachmentUpdate(String volumeId, String attachmentId, String connectorHost) implements VolumeRequest {
    @Override
    public String operation() {
      return "attachment-update";
    }
  }

  /** POST /attachments/{id}/action os-complete. */
  record AttachmentComplete(String volumeId, String attachmentId) implements VolumeRequest {
    @Override
    public String operation() {
      return "attachment-complete";
    }
  }

  /** DELETE /attachments/{id}: synchronous, the API waits on c-vol. */
  record AttachmentDelete(String volumeId, String attachmentId) implements VolumeRequest {
    @Override
    public String operation() {
      return "attachment-delete";
    }
  }

  /** GET /volumes/{id}. */
  record Show(String volumeId) implements VolumeRequest {
    @Override
    public String operation() {
      return "read";
    }
  }
}
