package io.cvolsim.model.dlm;

import io.cvolsim.kernel.api.Message;
import java.util.List;

/**
 * What a kazoo client sends to the ZooKeeper server for sessions and the lock recipe, and what
 * the server answers. Every request on a session also renews it, as any packet does in
 * ZooKeeper.
 */
public sealed interface ZooKeeperMessage extends Message {

  /** The error a request on an expired (or unknown) session gets. */
  String SESSION_EXPIRED = "zookeeper: session expired";
  /** The error a check of a lock node that no longer exists gets. */
  String NO_NODE = "zookeeper: no node";

  record CreateSession(long timeoutNanos) implements ZooKeeperMessage {}

  record SessionCreated(long sessionId, long timeoutNanos) implements ZooKeeperMessage {}

  record Ping(long sessionId) implements ZooKeeperMessage {}

  record Pong(long sessionId) implements ZooKeeperMessage {}

  /** Creates an ephemeral sequential node under the lock's path (kazoo's Lock recipe). */
  record VolumeLockNode(long sessionId, String lockName) implements ZooKeeperMessage {}

  /**
   * The created node: its sequence number, the zxid that created it (the fencing token), and
   * whether it is first in line, that is, holds the lock.
   */
  record LockNodeCreated(String lockName, long sequence, long zxid, boolean first)
      implements ZooKeeperMessage {}

  /** Is this node first in line yet? Stands in for kazoo's watch on its predecessor. */
  record CheckTurn(long sessionId, String lockName, long sequence) implements ZooKeeperMessage {}

  record Turn(String lockName, long sequence, boolean first) implements ZooKeeperMessage {}

  /** The locks whose line has a first node, among those starting with {@code prefix}. */
  record ListHeld(long sessionId, String prefix) implements ZooKeeperMessage {}

  record HeldNames(List<String> lockNames) implements ZooKeeperMessage {
    public HeldNames {
      lockNames = List.copyOf(lockNames);
    }
  }

  /** Deletes a lock node (release, or giving up a place in line). */
  record DeleteLockNode(long sessionId, String lockName, long sequence) implements ZooKeeperMessage {}

  record Deleted(String lockName, long sequence, boolean existed) implements ZooKeeperMessage {}
}
