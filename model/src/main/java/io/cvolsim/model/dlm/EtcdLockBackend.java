package io.cvolsim.model.dlm;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.SimFuture;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The client half of Tooz's etcd3gw driver (reference §7.4 [code]). Each try grants a lease of
 * {@code lock_timeout} and puts the lock key on it if absent; the coordinator's heart refreshes
 * the lease of every lock it believes it holds and ignores the answer, so a lease that expired
 * under a paused or cut-off holder goes unnoticed. Release deletes the key only if it still
 * holds this acquisition's value, so a late release cannot delete the next holder's key.
 */
final class EtcdLockBackend implements LockBackend {
  /** Where Tooz keeps lock keys. */
  static final String LOCK_PREFIX = "/tooz/locks/";
  /** Tooz's heart retries a failed beat after a fixed 1 s. */
  private static final long HEARTBEAT_RETRY_NANOS = Durations.seconds(1);

  /** A key this node put; Tooz's {@code _acquired_locks}, with when its lease was last confirmed. */
  private record HeldKey(String key, String value, long leaseId, long confirmedAtNanos) {
    HeldKey confirmedAt(long sentAtNanos) {
      return new HeldKey(key, value, leaseId, Math.max(confirmedAtNanos, sentAtNanos));
    }
  }

  private final NodeContext context;
  private final DlmOptions options;
  private final Map<Long, HeldKey> held = new TreeMap<>();
  private final Runnable leaseConfirmed;
  private boolean heartBeating;

  /** {@code leaseConfirmed} runs whenever a refresh found a lease alive. */
  EtcdLockBackend(NodeContext context, DlmOptions options, Runnable leaseConfirmed) {
    this.context = context;
    this.options = options;
    this.leaseConfirmed = leaseConfirmed;
  }

  private <R extends EtcdMessage> SimFuture<R> call(EtcdMessage request, Class<R> answerType) {
    return context.call(options.coordinationServer(), request, answerType, options.requestTimeoutNanos());
  }

  @Override
  public SimFuture<Attempt> tryAcquire(String name, Queued queued) {
    String key = LOCK_PREFIX + name;
    long leaseAskedAtNanos = context.monotonicNanos();
    return call(new EtcdMessage.LeaseGrant(options.leaseNanos()), EtcdMessage.LeaseGranted.class)
        .flatMap(lease -> {
          // Tooz stores a random UUID; a lease id is as unique and needs no random draw.
          String value = context.self() + "/lease-" + lease.leaseId();
          return call(new EtcdMessage.PutIfAbsent(key, value, lease.leaseId()), EtcdMessage.TxnAnswer.class)
              .map(answer -> afterPut(new HeldKey(key, value, lease.leaseId(), leaseAskedAtNanos), answer));
        });
  }

  private Attempt afterPut(HeldKey candidate, EtcdMessage.TxnAnswer answer) {
    if (!answer.succeeded()) {
      return new Busy(null);
    }
    held.put(answer.revision(), candidate);
    startHeart();
    return new Granted(answer.revision());
  }

  @Override
  public long leaseConfirmedAtNanos(long token) {
    HeldKey key = held.get(token);
    return key == null ? NO_LEASE : key.confirmedAtNanos();
  }

  @Override
  public SimFuture<List<String>> heldNamesStartingWith(String prefix) {
    return call(new EtcdMessage.RangePrefix(LOCK_PREFIX + prefix), EtcdMessage.Keys.class)
        .map(answer -> answer.keys().stream().map(key -> key.substring(LOCK_PREFIX.length())).toList());
  }

  @Override
  public void abandon(String name, Queued queued) {
    // A failed put leaves only its lease, which expires on its own.
  }

  @Override
  public SimFuture<ReleaseOutcome> release(LockGrant grant) {
    HeldKey key = held.get(grant.token());
    if (key == null) {
      return SimFuture.succeeded(ReleaseOutcome.NOT_HELD);
    }
    SimFuture<ReleaseOutcome> outcome = SimFuture.pending();
    call(new EtcdMessage.DeleteIfValue(key.key(), key.value()), EtcdMessage.TxnAnswer.class)
        .whenComplete(answer -> outcome.complete(afterDelete(grant.token(), answer)));
    return outcome;
  }

  private ReleaseOutcome afterDelete(long token, Outcome<EtcdMessage.TxnAnswer> answer) {
    if (!(answer instanceof Outcome.Success<EtcdMessage.TxnAnswer> success)) {
      if (options.releaseFailure() == ReleaseFailure.LET_EXPIRE) {
        context.probe("dlm.etcd-release-unreachable-lease-left-to-expire");
        held.remove(token);
        return ReleaseOutcome.UNREACHABLE;
      }
      // Tooz keeps the lock in its acquired set, so the heart goes on refreshing a lease whose
      // key nobody will delete: the lock stays taken until this process dies.
      context.probe("dlm.etcd-release-unreachable-lease-kept-alive");
      return ReleaseOutcome.UNREACHABLE;
    }
    // Tooz keeps a lock whose compare failed in its acquired set too, but its lease is gone
    // with the key, so refreshing it would change nothing; forgetting it here is equivalent.
    held.remove(token);
    if (!success.value().succeeded()) {
      context.probe("dlm.etcd-late-release-refused");
      return ReleaseOutcome.NOT_HELD;
    }
    return ReleaseOutcome.RELEASED;
  }

  // ---- the heart ------------------------------------------------------------------------

  /**
   * Tooz's heart beats all the time; here it runs only while something is held, starting at a
   * drawn phase of its period, because a heart running since start-up meets a new lock at an
   * arbitrary point of its cycle.
   */
  private void startHeart() {
    if (heartBeating) {
      return;
    }
    heartBeating = true;
    long phaseNanos = context.choices().durationNanos("dlm.etcd-heart-phase", 0,
        options.etcdHeartbeatTtlNanos() / 2);
    context.setTimer("dlm.etcd-heartbeat", phaseNanos, this::beat);
  }

  private void beat() {
    long startedNanos = context.monotonicNanos();
    refreshFrom(heldNow(), 0, startedNanos);
  }

  /** The beat's snapshot: a lock released while the beat runs still has its lease refreshed once. */
  private List<Map.Entry<Long, HeldKey>> heldNow() {
    return held.entrySet().stream().map(entry -> Map.entry(entry.getKey(), entry.getValue())).toList();
  }

  /** Refreshes one lease after another, as the driver's heartbeat loops over its locks. */
  private void refreshFrom(List<Map.Entry<Long, HeldKey>> keys, int index, long startedNanos) {
    if (index == keys.size()) {
      scheduleNextBeat(startedNanos);
      return;
    }
    long token = keys.get(index).getKey();
    HeldKey key = keys.get(index).getValue();
    long sentAtNanos = context.monotonicNanos();
    call(new EtcdMessage.LeaseKeepAlive(key.leaseId()), EtcdMessage.KeepAliveAnswer.class).whenComplete(answer -> {
      if (answer instanceof Outcome.Success<EtcdMessage.KeepAliveAnswer> success) {
        if (success.value().alive()) {
          held.computeIfPresent(token, (ignored, before) -> before.confirmedAt(sentAtNanos));
          leaseConfirmed.run();
        } else {
          // etcd3gw answers -1 for an expired lease and Lock.heartbeat() ignores the result:
          // the holder is not told and goes on believing it holds the lock.
          context.probe("dlm.etcd-refresh-of-expired-lease-ignored");
          context.probe("dlm.lease-expired-under-holder");
        }
        refreshFrom(keys, index + 1, startedNanos);
      } else {
        // The refresh raised; Tooz's heart retries the whole beat after 1 s.
        context.probe("dlm.etcd-heartbeat-retry");
        context.setTimer("dlm.etcd-heartbeat-retry", HEARTBEAT_RETRY_NANOS,
            () -> refreshFrom(heldNow(), 0, startedNanos));
      }
    });
  }

  /** Tooz sleeps half of (what the beat returned less what it took), never less than zero. */
  private void scheduleNextBeat(long startedNanos) {
    if (held.isEmpty()) {
      heartBeating = false;
      return;
    }
    long ranForNanos = context.monotonicNanos() - startedNanos;
    long sleepNanos = Math.max(0, options.etcdHeartbeatTtlNanos() - ranForNanos) / 2;
    context.setTimer("dlm.etcd-heartbeat", sleepNanos, this::beat);
  }
}
