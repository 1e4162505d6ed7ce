package io.cvolsim.model.dlm;

import io.cvolsim.kernel.api.NodeId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Server-side leases: etcd's leases and ZooKeeper's sessions alike. Each has a TTL and a
 * deadline on the server's clock that every renewal pushes out by the TTL; {@link ExpiryTimers}
 * ends those whose deadline passes.
 */
final class Leases {
  /** One lease; {@code owner} is the client that asked for it. */
  record Lease(NodeId owner, long ttlNanos, long deadlineNanos) {}

  private final Map<Long, Lease> byId = new TreeMap<>();
  private long lastId;

  /** A new lease, numbered after every earlier one. */
  long grant(NodeId owner, long ttlNanos, long serverNowNanos) {
    long id = ++lastId;
    byId.put(id, new Lease(owner, ttlNanos, serverNowNanos + ttlNanos));
    return id;
  }

  /** The lease, or null once it has expired or been revoked. */
  Lease get(long id) {
    return byId.get(id);
  }

  /** The lease's deadline, or null once it is gone: what {@link ExpiryTimers} asks. */
  Long deadlineNanosOf(long id) {
    Lease lease = byId.get(id);
    return lease == null ? null : lease.deadlineNanos();
  }

  /** Pushes the deadline out to a TTL from now; false when the lease is gone. */
  boolean renew(long id, long serverNowNanos) {
    Lease lease = byId.get(id);
    if (lease == null) {
      return false;
    }
    byId.put(id, new Lease(lease.owner(), lease.ttlNanos(), serverNowNanos + lease.ttlNanos()));
    return true;
  }

  void remove(long id) {
    byId.remove(id);
  }

  List<Long> ids() {
    return List.copyOf(byId.keySet());
  }

  int size() {
    return byId.size();
  }
}
