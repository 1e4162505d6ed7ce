package io.cvolsim.model.storage;

import io.cvolsim.kernel.api.NodeId;

/**
 * A call the array logs in its {@link StorageIoLog}: every driver call that changes an object,
 * a data write, and the access-control calls of storage fencing. Every call names the object it
 * changes as {@code target} (a volume or snapshot id) and a copy the object it reads as
 * {@code source}; {@code fencingToken()} is null when the call carries none.
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

  record CreateVolume(String target, int sizeGb, FencingToken fencingToken) implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.CREATE_VOLUME;
    }
  }

  /** Driver {@code create_cloned_volume}: volume {@code target} copied block by block from volume {@code source}. */
  record CloneVolume(String target, String source, int sizeGb, FencingToken fencingToken)
      implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.CLONE_VOLUME;
    }
  }

  /** Volume {@code target} copied block by block from snapshot {@code source}. */
  record CreateVolumeFromSnapshot(String target, String source, int sizeGb,
      FencingToken fencingToken) implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.CREATE_VOLUME_FROM_SNAPSHOT;
    }
  }

  record DeleteVolume(String target, FencingToken fencingToken) implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.DELETE_VOLUME;
    }
  }

  /** Snapshot {@code target} of volume {@code source}, copied block by block. */
  record CreateSnapshot(String target, String source, FencingToken fencingToken)
      implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.CREATE_SNAPSHOT;
    }
  }

  record DeleteSnapshot(String target, FencingToken fencingToken) implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.DELETE_SNAPSHOT;
    }
  }

  record ExtendVolume(String target, int newSizeGb, FencingToken fencingToken) implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.EXTEND_VOLUME;
    }
  }

  /** Exports volume {@code target} to {@code initiator} (the connector's host). */
  record InitializeConnection(String target, String initiator, FencingToken fencingToken)
      implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.INITIALIZE_CONNECTION;
    }
  }

  record TerminateConnection(String target, String initiator, FencingToken fencingToken)
      implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.TERMINATE_CONNECTION;
    }
  }

  /** c-vol's {@code init_host} re-creating the export of a volume it serves. */
  record EnsureExport(String target, FencingToken fencingToken) implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.ENSURE_EXPORT;
    }
  }

  /** Cleanup after an interrupted image download into the volume. */
  record ClearDownload(String target, FencingToken fencingToken) implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.CLEAR_DOWNLOAD;
    }
  }

  /** Writes one block through the volume's export to {@code initiator}. */
  record WriteBlock(String target, String initiator, int blockIndex, FencingToken fencingToken)
      implements StorageCall {
    public StorageOperation operation() {
      return StorageOperation.WRITE_BLOCK;
    }
  }

  /**
   * Storage fencing: refuse every later call from {@code node}, or, when {@code incarnation} is
   * set, from that incarnation only: the array ignores it once a newer one re-admitted itself.
   */
  record RevokeAccess(NodeId node, Integer incarnation) implements StorageCall {
    public RevokeAccess(NodeId node) {
      this(node, null);
    }

    /** Without an incarnation, the text (and so every fingerprint) of before incarnations existed. */
    @Override
    public String toString() {
      return "RevokeAccess[node=" + node + (incarnation == null ? "" : ", incarnation=" + incarnation) + "]";
    }

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

  /** Admits {@code node} again, for a fresh incarnation (named when known) after the fenced one is gone. */
  record RestoreAccess(NodeId node, Integer incarnation) implements StorageCall {
    public RestoreAccess(NodeId node) {
      this(node, null);
    }

    @Override
    public String toString() {
      return "RestoreAccess[node=" + node + (incarnation == null ? "" : ", incarnation=" + incarnation) + "]";
    }

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
