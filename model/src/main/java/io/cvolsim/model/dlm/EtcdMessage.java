package io.cvolsim.model.dlm;

import io.cvolsim.kernel.api.Message;
import java.util.List;

/**
 * What etcd3gw sends to the etcd server and what it answers: just the lease and transaction
 * calls Tooz's etcd3gw driver makes for locks (reference §7.4).
 */
public sealed interface EtcdMessage extends Message {

  /** The reason an etcd request is refused when it names a lease that has expired. */
  String LEASE_NOT_FOUND = "etcdserver: requested lease not found";

  /** {@code lease(ttl)}: a new lease that expires {@code ttlNanos} after its last refresh. */
  record LeaseGrant(long ttlNanos) implements EtcdMessage {}

  record LeaseGranted(long leaseId, long ttlNanos) implements EtcdMessage {}

  /** {@code lease.refresh()}: a keep-alive. */
  record LeaseKeepAlive(long leaseId) implements EtcdMessage {}

  /** The keep-alive's answer; {@code alive} is false when the lease had already expired. */
  record KeepAliveAnswer(long leaseId, boolean alive) implements EtcdMessage {}

  /** The acquire transaction: put {@code key=value} on the lease if create_revision == 0. */
  record PutIfAbsent(String key, String value, long leaseId) implements EtcdMessage {}

  /** The release transaction: delete {@code key} if its value is still {@code value}. */
  record DeleteIfValue(String key, String value) implements EtcdMessage {}

  /** {@code get_prefix}: the keys starting with {@code prefix}. */
  record RangePrefix(String prefix) implements EtcdMessage {}

  record Keys(List<String> keys) implements EtcdMessage {
    public Keys {
      keys = List.copyOf(keys);
    }
  }

  /**
   * A transaction's answer. On success of a put, {@code revision} is the key's create revision,
   * which serves as the fencing token; otherwise it is the store's current revision.
   */
  record TxnAnswer(boolean succeeded, long revision) implements EtcdMessage {}
}
