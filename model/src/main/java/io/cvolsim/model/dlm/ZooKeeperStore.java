package io.cvolsim.model.dlm;

import io.cvolsim.kernel.api.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ZooKeeper server's data: sessions with their deadlines on the server's clock, and each
 * lock's line of ephemeral sequential nodes. Durable across server restarts, as ZooKeeper
 * persists sessions and ephemeral nodes; the harness owns it.
 */
public final class ZooKeeperStore {
  /**
   * One lock node. {@code turnReported} is set once the server has told the owner it is first,
   * so the lock log's expiry entries name only locks a client was told it holds.
   */
  record LockNode(long sessionId, NodeId owner, long zxid, boolean turnReported) {}

  /** A lock node and where it sits, as session expiry removes it. */
  record Removed(String lockName, long sequence, LockNode node) {}

  private final Leases sessions = new Leases();
  private final Map<String, TreeMap<Long, LockNode>> lines = new TreeMap<>();
  private final Map<String, Long> lastSequence = new TreeMap<>();
  private long zxid;

  long createSession(NodeId owner, long timeoutNanos, long serverNowNanos) {
    zxid++;
    return sessions.grant(owner, timeoutNanos, serverNowNanos);
  }

  /** The sessions, each a lease renewed by every request on it. */
  Leases sessions() {
    return sessions;
  }

  /** Appends a node to the lock's line; answers its sequence number. */
  long volumeLockNode(String lockName, long sessionId) {
    zxid++;
    long sequence = lastSequence.merge(lockName, 1L, Long::sum);
    lines.computeIfAbsent(lockName, name -> new TreeMap<>())
        .put(sequence, new LockNode(sessionId, sessions.get(sessionId).owner(), zxid, false));
    return sequence;
  }

  LockNode lockNode(String lockName, long sequence) {
    TreeMap<Long, LockNode> line = lines.get(lockName);
    return line == null ? null : line.get(sequence);
  }

  /** Whether the node is first in its line; if so, remembers that its owner is being told. */
  boolean reportTurn(String lockName, long sequence) {
    TreeMap<Long, LockNode> line = lines.get(lockName);
    if (line == null || line.isEmpty() || line.firstKey() != sequence) {
      return false;
    }
    LockNode node = line.get(sequence);
    line.put(sequence, new LockNode(node.sessionId(), node.owner(), node.zxid(), true));
    return true;
  }

  boolean deleteLockNode(String lockName, long sequence) {
    TreeMap<Long, LockNode> line = lines.get(lockName);
    if (line == null || line.remove(sequence) == null) {
      return false;
    }
    zxid++;
    return true;
  }

  /** Ends the session and removes its ephemeral nodes; answers what was removed. */
  List<Removed> expireSession(long sessionId) {
    sessions.remove(sessionId);
    List<Removed> removed = new ArrayList<>();
    lines.forEach((lockName, line) -> line.forEach((sequence, node) -> {
      if (node.sessionId() == sessionId) {
        removed.add(new Removed(lockName, sequence, node));
      }
    }));
    removed.forEach(gone -> lines.get(gone.lockName()).remove(gone.sequence()));
    zxid++;
    return removed;
  }

  List<String> heldNamesStartingWith(String prefix) {
    List<String> names = new ArrayList<>();
    lines.forEach((lockName, line) -> {
      if (lockName.startsWith(prefix) && !line.isEmpty()) {
        names.add(lockName);
      }
    });
    return names;
  }

  /** The owner of the first node in the lock's line, or null when nobody holds it. */
  public NodeId holderOf(String lockName) {
    TreeMap<Long, LockNode> line = lines.get(lockName);
    return line == null || line.isEmpty() ? null : line.firstEntry().getValue().owner();
  }
}
