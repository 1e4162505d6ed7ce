package io.cvolsim.model.dlm;

import io.cvolsim.kernel.api.NodeId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The etcd server's data: keys with their lease and create revision, and leases with their
 * deadline on the server's clock. Durable across server restarts, as etcd persists both; the
 * harness owns it and hands it to each incarnation of {@link EtcdServerNode}.
 */
public final class EtcdStore {
  /** A stored key. {@code owner} is the node that put it, for the lock log. */
  record Entry(String value, long leaseId, long createRevision, NodeId owner) {}

  private final Map<String, Entry> keys = new TreeMap<>();
  private final Leases leases = new Leases();
  private long revision;

  Leases leases() {
    return leases;
  }

  /** Revokes the lease and deletes the keys attached to it; answers the deleted keys. */
  Map<String, Entry> revoke(long leaseId) {
    leases.remove(leaseId);
    Map<String, Entry> deleted = new TreeMap<>();
    keys.forEach((key, entry) -> {
      if (entry.leaseId() == leaseId) {
        deleted.put(key, entry);
      }
    });
    deleted.keySet().forEach(keys::remove);
    if (!deleted.isEmpty()) {
      revision++;
    }
    return deleted;
  }

  /** The create-if-absent transaction; answers the new create revision, or 0 if the key exists. */
  long putIfAbsent(String key, String value, long leaseId, NodeId owner) {
    if (keys.containsKey(key)) {
      return 0;
    }
    revision++;
    keys.put(key, new Entry(value, leaseId, revision, owner));
    return revision;
  }

  /** The compare-value-and-delete transaction. */
  boolean deleteIfValue(String key, String value) {
    Entry entry = keys.get(key);
    if (entry == null || !entry.value().equals(value)) {
      return false;
    }
    keys.remove(key);
    revision++;
    return true;
  }

  long revision() {
    return revision;
  }

  List<String> keysStartingWith(String prefix) {
    return keys.keySet().stream().filter(key -> key.startsWith(prefix)).toList();
  }

  /** The keys now stored, for tests and checkers. */
  public List<String> keys() {
    return List.copyOf(keys.keySet());
  }

  /** The node whose value is stored under {@code key}, or null. */
  public NodeId ownerOf(String key) {
    Entry entry = keys.get(key);
    return entry == null ? null : entry.owner();
  }
}
