package io.cvolsim.model.storage;

import io.cvolsim.kernel.api.NodeId;

/**
 * A call the array logs in its {@link StorageIoLog}: every driver call that changes an object,
 * a data write, and the access-control calls of storage fencing. {@code fencingToken()} is null
 * when the call carries none.
 */
public sealed interface StorageCall extends ArrayRequest {
  StorageOperation operation();

  /** The object the call changes (for access control: the node's name). */
  String target();

  /** The object a copy reads; null for other calls. */
  default String source() {
    return null;
  }

  FencingToken fencingToken();

  default IoCall describe(NodeId caller) {
    return new IoCall(caller, operation(), target(), source(), fencingToken());
  }

  record CreateVolume(String volumeId, int sizeGb, FencingToken fencingToken) implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.CREATE_VOLUME;
    }

    public String target() {
      return volumeId;
    }
  }

  /** Driver {@code create_cloned_volume}: a new volume copied block by block from another. */
  record CloneVolume(String volumeId, String sourceVolumeId, int sizeGb, FencingToken fencingToken)
      implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.CLONE_VOLUME;
    }

    public String target() {
      return volumeId;
    }

    public String source() {
      return sourceVolumeId;
    }
  }

  record CreateVolumeFromSnapshot(String volumeId, String snapshotId, int sizeGb,
      FencingToken fencingToken) implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.CREATE_VOLUME_FROM_SNAPSHOT;
    }

    public String target() {
      return volumeId;
    }

    public String source() {
      return snapshotId;
    }
  }

  record DeleteVolume(String volumeId, FencingToken fencingToken) implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.DELETE_VOLUME;
    }

    public String target() {
      return volumeId;
    }
  }

  /** A snapshot of {@code volumeId}, copied block by block. */
  record CreateSnapshot(String snapshotId, String volumeId, FencingToken fencingToken)
      implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.CREATE_SNAPSHOT;
    }

    public String target() {
      return snapshotId;
    }

    public String source() {
      return volumeId;
    }
  }

  record DeleteSnapshot(String snapshotId, FencingToken fencingToken) implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.DELETE_SNAPSHOT;
    }

    public String target() {
      return snapshotId;
    }
  }

  record ExtendVolume(String volumeId, int newSizeGb, FencingToken fencingToken) implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.EXTEND_VOLUME;
    }

    public String target() {
      return volumeId;
    }
  }

  /** Exports the volume to {@code initiator} (the connector's host). */
  record InitializeConnection(String volumeId, String initiator, FencingToken fencingToken)
      implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.INITIALIZE_CONNECTION;
    }

    public String target() {
      return volumeId;
    }
  }

  record TerminateConnection(String volumeId, String initiator, FencingToken fencingToken)
      implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.TERMINATE_CONNECTION;
    }

    public String target() {
      return volumeId;
    }
  }

  /** c-vol's {@code init_host} re-creating the export of a volume it serves. */
  record EnsureExport(String volumeId, FencingToken fencingToken) implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.ENSURE_EXPORT;
    }

    public String target() {
      return volumeId;
    }
  }

  /** Cleanup after an interrupted image download into the volume. */
  record ClearDownload(String volumeId, FencingToken fencingToken) implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.CLEAR_DOWNLOAD;
    }

    public String target() {
      return volumeId;
    }
  }

  /** Writes one block through the volume's export to {@code initiator}. */
  record WriteBlock(String volumeId, String initiator, int blockIndex, FencingToken fencingToken)
      implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.WRITE_BLOCK;
    }

    public String target() {
      return volumeId;
    }
  }

  /** Storage fencing: refuse every later call from {@code node}. */
  record RevokeAccess(NodeId node) implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.REVOKE_ACCESS;
    }

    public String target() {
      return node.name();
    }

    public FencingToken fencingToken() {
      return null;
    }
  }

  /** Admits {@code node} again, for a fresh incarnation after the fenced one is gone. */
  record RestoreAccess(NodeId node) implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.RESTORE_ACCESS;
    }

    public String target() {
      return node.name();
    }

    public FencingToken fencingToken() {
      return null;
    }
  }
}
