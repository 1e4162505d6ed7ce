package io.cvolsim.model.dlm;

import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeContext;
import java.util.Map;

/**
 * The etcd server: answers lease and transaction requests against its {@link EtcdStore} and
 * expires leases on its own clock. When a lease expires every key on it is deleted, so a lock
 * whose holder stopped refreshing (partition, pause, crash) can be taken by another node while
 * the first still believes it holds it; the holder is not told (reference §7.4).
 */
public final class EtcdServerNode implements Node {
  private final NodeContext context;
  private final EtcdStore store;
  private final LockLog lockLog;
  private final ExpiryTimers leaseTimers;

  public EtcdServerNode(NodeContext context, EtcdStore store, LockLog lockLog) {
    this.context = context;
    this.store = store;
    this.lockLog = lockLog;
    this.leaseTimers = new ExpiryTimers(context, "etcd.lease-check",
        store.leases()::deadlineNanosOf, this::expire);
  }

  /**
   * A restarted server gives every surviving lease a fresh TTL before timing it again, as an
   * etcd leader does with the leases it takes over.
   */
  @Override
  public void start() {
    Leases leases = store.leases();
    for (long leaseId : leases.ids()) {
      leases.renew(leaseId, context.localTimeNanos());
      leaseTimers.arm(leaseId, leases.get(leaseId).ttlNanos());
    }
  }

  @Override
  public void onMessage(Incoming incoming) {
    if (!(incoming.message() instanceof EtcdMessage message) || !incoming.expectsReply()) {
      throw new IllegalStateException("etcd only answers etcd requests: " + incoming.message());
    }
    long now = context.localTimeNanos();
    if (message instanceof EtcdMessage.LeaseGrant grant) {
      long leaseId = store.leases().grant(incoming.from(), grant.ttlNanos(), now);
      leaseTimers.arm(leaseId, grant.ttlNanos());
      context.reply(incoming, new EtcdMessage.LeaseGranted(leaseId, grant.ttlNanos()));
    } else if (message instanceof EtcdMessage.LeaseKeepAlive keepAlive) {
      boolean alive = store.leases().renew(keepAlive.leaseId(), now);
      context.reply(incoming, new EtcdMessage.KeepAliveAnswer(keepAlive.leaseId(), alive));
    } else if (message instanceof EtcdMessage.PutIfAbsent put) {
      putIfAbsent(incoming, put);
    } else if (message instanceof EtcdMessage.DeleteIfValue delete) {
      boolean deleted = store.deleteIfValue(delete.key(), delete.value());
      context.reply(incoming, new EtcdMessage.TxnAnswer(deleted, store.revision()));
    } else if (message instanceof EtcdMessage.RangePrefix range) {
      context.reply(incoming, new EtcdMessage.Keys(store.keysStartingWith(range.prefix())));
    } else {
      throw new IllegalStateException("not a request etcd answers: " + message);
    }
  }

  private void putIfAbsent(Incoming incoming, EtcdMessage.PutIfAbsent put) {
    if (store.leases().get(put.leaseId()) == null) {
      context.probe("dlm.etcd-lease-expired-before-put");
      context.replyError(incoming, EtcdMessage.LEASE_NOT_FOUND);
      return;
    }
    long created = store.putIfAbsent(put.key(), put.value(), put.leaseId(), incoming.from());
    boolean succeeded = created > 0;
    context.reply(incoming, new EtcdMessage.TxnAnswer(succeeded, succeeded ? created : store.revision()));
  }

  /** The lease's deadline passed without a refresh: etcd deletes every key on it. */
  private void expire(long leaseId) {
    Map<String, EtcdStore.Entry> deleted = store.revoke(leaseId);
    deleted.forEach((key, entry) -> {
      if (key.startsWith(EtcdLockBackend.LOCK_PREFIX)) {
        context.probe("dlm.etcd-lock-lease-expired");
        lockLog.record(LockEvent.Kind.EXPIRED, key.substring(EtcdLockBackend.LOCK_PREFIX.length()),
            entry.owner(), entry.createRevision(), LockEvent.NO_OPERATION, "lease " + leaseId + " expired");
      }
    });
  }
}
