package io.cvolsim.model.storage;

import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.SimFuture;

/**
 * The data path of an attached volume: what an instance (or c-vol copying an image in) writes
 * through the export {@link VolumeDriver#initializeConnection} made. Writes are logged by the
 * array like driver calls, so a write from a fenced node, or one that tears a copy, shows.
 */
public final class AttachedDisk {
  private final NodeContext context;
  private final NodeId array;
  private final ConnectionInfo connection;
  private final long ioTimeoutNanos;

  public AttachedDisk(NodeContext context, NodeId array, ConnectionInfo connection, long ioTimeoutNanos) {
    this.context = context;
    this.array = array;
    this.connection = connection;
    this.ioTimeoutNanos = ioTimeoutNanos;
  }

  public ConnectionInfo connection() {
    return connection;
  }

  /** Writes one block; answers the version stamp the array gave the write. */
  public SimFuture<Long> writeBlock(int blockIndex) {
    StorageCall.WriteBlock write = new StorageCall.WriteBlock(connection.volumeId(),
        connection.initiator(), blockIndex, null);
    return context.call(array, write, ArrayResponse.Written.class, ioTimeoutNanos)
        .map(ArrayResponse.Written::stamp);
  }
}
