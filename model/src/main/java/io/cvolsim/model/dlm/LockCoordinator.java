package io.cvolsim.model.dlm;

import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.SimFuture;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A node's Tooz coordinator as Cinder uses it ({@code cinder/coordination.py}, reference §7.3):
 * blocking or timed acquisition of named locks, releases that never raise, multi-lock
 * acquisition in sorted or decorator order (V20), and leader election on a lock. Make one per
 * node incarnation; a crash loses it with everything it believed it held. The backend (V12) is
 * chosen by {@link DlmOptions#backend()}; every step is written to the {@link LockLog}.
 */
public final class LockCoordinator {
  private final NodeContext context;
  private final DlmOptions options;
  private final LockLog lockLog;
  private final LockBackend backend;
  private final Map<String, LockGrant> leaderships = new TreeMap<>();
  private final Map<Long, LockGrant> believedHeld = new TreeMap<>();
  /** A lease-aware holder's locks given up at their lease's end and not yet released, by operation. */
  private final Map<Long, LockGrant> givenUp = new TreeMap<>();
  private final Map<String, Runnable> onElectedByGroup = new TreeMap<>();
  private boolean leaseEndTimerSet;

  public LockCoordinator(NodeContext context, DlmOptions options, LockLog lockLog) {
    this.context = context;
    this.options = options;
    this.lockLog = lockLog;
    this.backend = backendFor(context, options, this::noteBeliefLimits);
  }

  private static LockBackend backendFor(NodeContext context, DlmOptions options, Runnable leaseConfirmed) {
    switch (options.backend()) {
      case FILE:
        return new FileLockBackend();
      case ETCD:
        return new EtcdLockBackend(context, options, leaseConfirmed);
      case ZOOKEEPER:
        return new ZooKeeperLockBackend(context, options, leaseConfirmed);
      case WORKERS_TABLE:
        return new WorkersTableLockBackend(context, options);
      default:
        throw new IllegalArgumentException("no backend " + options.backend());
    }
  }

  public DlmOptions options() {
    return options;
  }

  /** Waits as long as it takes ({@code blocking=True}). */
  public SimFuture<LockGrant> acquire(String name) {
    return acquire(name, LockWait.forever());
  }

  /**
   * Takes the lock, trying again every {@link DlmOptions#retryIntervalNanos()} while it is busy.
   * Fails with {@link Failure.TimedOut} when {@code wait} runs out, or with the server's failure
   * when it cannot be reached (Tooz raises then, it does not retry).
   */
  public SimFuture<LockGrant> acquire(String name, LockWait wait) {
    return acquire(name, wait, "");
  }

  /** As {@link #acquire(String, LockWait)}, noting in the lock log what the lock is taken for. */
  public SimFuture<LockGrant> acquire(String name, LockWait wait, String purpose) {
    long operationId = lockLog.nextOperationId();
    if (!purpose.isEmpty()) {
      lockLog.notePurpose(operationId, purpose);
    }
    lockLog.record(LockEvent.Kind.ACQUIRE_REQUESTED, name, context.self(), LockEvent.NO_TOKEN,
        operationId, "wait=" + wait + (purpose.isEmpty() ? "" : " for " + purpose));
    SimFuture<LockGrant> result = SimFuture.pending();
    attempt(name, wait, wait.deadlineFrom(context.monotonicNanos()), operationId, null, result);
    result.whenComplete(outcome -> logAcquireOutcome(name, operationId, outcome));
    return result;
  }

  private void attempt(String name, LockWait wait, long deadlineNanos, long operationId,
      LockBackend.Queued queued, SimFuture<LockGrant> result) {
    backend.tryAcquire(name, queued).whenComplete(outcome -> {
      if (outcome instanceof Outcome.Failed<LockBackend.Attempt> failed) {
        backend.abandon(name, queued);
        result.fail(failed.failure());
        return;
      }
      LockBackend.Attempt answer = ((Outcome.Success<LockBackend.Attempt>) outcome).value();
      if (answer instanceof LockBackend.Granted granted) {
        result.complete(new LockGrant(name, context.self(), granted.token(), operationId));
        return;
      }
      LockBackend.Queued place = ((LockBackend.Busy) answer).queued();
      if (context.monotonicNanos() >= deadlineNanos) {
        backend.abandon(name, place);
        result.fail(new Failure.TimedOut("lock " + name, wait.timeoutNanos()));
      } else {
        context.setTimer("dlm.retry " + name, options.retryIntervalNanos(),
            () -> attempt(name, wait, deadlineNanos, operationId, place, result));
      }
    });
  }

  private void logAcquireOutcome(String name, long operationId, Outcome<LockGrant> outcome) {
    if (outcome instanceof Outcome.Success<LockGrant> success) {
      believedHeld.put(operationId, success.value());
      lockLog.record(LockEvent.Kind.GRANTED, name, context.self(), success.value().token(), operationId, "");
      if (options.leaseAware()) {
        noteBeliefLimits();
        giveUpLocksPastTheirLease();
        setLeaseEndTimer();
      }
    } else {
      lockLog.record(LockEvent.Kind.ACQUIRE_FAILED, name, context.self(), LockEvent.NO_TOKEN, operationId,
          String.valueOf(((Outcome.Failed<LockGrant>) outcome).failure()));
    }
  }

  /**
   * Releases the lock. As in Cinder, a failed release is only logged, never raised: the future
   * always succeeds.
   */
  public SimFuture<Void> release(LockGrant grant) {
    if (options.leaseAware()) {
      // A holder woken past its lease's end gives the lock up as of then, before it lets go.
      giveUpLocksPastTheirLease();
    }
    lockLog.record(LockEvent.Kind.RELEASE_REQUESTED, grant.name(), grant.holder(), grant.token(),
        grant.operationId(), "");
    believedHeld.remove(grant.operationId());
    givenUp.remove(grant.operationId());
    lockLog.dropBeliefLimit(grant.name(), grant.holder(), grant.token());
    return backend.release(grant).map(outcome -> {
      if (outcome == LockBackend.ReleaseOutcome.RELEASED) {
        lockLog.record(LockEvent.Kind.RELEASED, grant.name(), grant.holder(), grant.token(),
            grant.operationId(), "");
      } else {
        context.probe("dlm.release-failed");
        context.log("failed to release lock " + grant.name() + ": " + outcome);
        lockLog.record(LockEvent.Kind.RELEASE_FAILED, grant.name(), grant.holder(), grant.token(),
            grant.operationId(), outcome.name());
      }
      return null;
    });
  }

  /**
   * The grants this node believes it holds, oldest first: granted and not yet released. Under
   * lease or session expiry the server may disagree, and nothing here tells the holder.
   */
  public List<LockGrant> heldLocks() {
    if (options.leaseAware()) {
      giveUpLocksPastTheirLease();
    }
    return List.copyOf(believedHeld.values());
  }

  // ---- a lease-aware holder -----------------------------------------------------------------

  /**
   * False while a lock this node gave up at its lease's end is not yet released: a lease-aware
   * c-vol sends no storage call then, since the lock's next holder may already be at work.
   * Always true for an unaware holder, which never gives a lock up.
   */
  public boolean keepsEveryLock() {
    if (!options.leaseAware()) {
      return true;
    }
    giveUpLocksPastTheirLease();
    if (!givenUp.isEmpty()) {
      context.probe("dlm.call-withheld-after-giving-up-a-lock");
    }
    return givenUp.isEmpty();
  }

  /** Looks at the clock first, so a holder that was stalled past a lease's end notices before it acts. */
  private void giveUpLocksPastTheirLease() {
    long nowNanos = context.monotonicNanos();
    for (LockGrant grant : List.copyOf(believedHeld.values())) {
      long deadlineNanos = leaseEndNanos(grant);
      // A leader's give-up releases, which looks again: skip what that already gave up.
      if (deadlineNanos <= nowNanos && believedHeld.containsKey(grant.operationId())) {
        giveUp(grant, deadlineNanos);
      }
    }
  }

  /** Tells the lock log where each lock's lease now ends by this holder's reckoning. */
  private void noteBeliefLimits() {
    if (!options.leaseAware()) {
      return;
    }
    for (LockGrant grant : believedHeld.values()) {
      long deadlineNanos = leaseEndNanos(grant);
      if (deadlineNanos != Long.MAX_VALUE) {
        lockLog.noteBeliefLimit(grant.name(), grant.holder(), grant.token(), grant.operationId(), deadlineNanos);
      }
    }
  }

  private long leaseEndNanos(LockGrant grant) {
    long confirmedAtNanos = backend.leaseConfirmedAtNanos(grant.token());
    return confirmedAtNanos == LockBackend.NO_LEASE ? Long.MAX_VALUE : options.holderDeadlineNanos(confirmedAtNanos);
  }

  private void giveUp(LockGrant grant, long deadlineNanos) {
    believedHeld.remove(grant.operationId());
    context.probe("dlm.lock-given-up-at-lease-end");
    context.log("gave up lock " + grant.name() + ": its lease may have run out");
    lockLog.recordGaveUp(grant.name(), grant.holder(), grant.token(), grant.operationId(), deadlineNanos);
    String group = leaderships.entrySet().stream().filter(entry -> entry.getValue().equals(grant))
        .map(Map.Entry::getKey).findFirst().orElse(null);
    if (group == null) {
      givenUp.put(grant.operationId(), grant);
      return;
    }
    // A leader that cannot be sure of its lock stops leading and stands again.
    leaderships.remove(group);
    release(grant);
    runForElection(group, onElectedByGroup.get(group));
  }

  /** One timer at the earliest lease end among the locks held, set again when it fires. */
  private void setLeaseEndTimer() {
    if (leaseEndTimerSet) {
      return;
    }
    long earliestNanos = believedHeld.values().stream().mapToLong(this::leaseEndNanos).min().orElse(Long.MAX_VALUE);
    if (earliestNanos == Long.MAX_VALUE) {
      return;
    }
    leaseEndTimerSet = true;
    context.setTimer("dlm.lease-end", Math.max(0, earliestNanos - context.monotonicNanos()), () -> {
      leaseEndTimerSet = false;
      giveUpLocksPastTheirLease();
      setLeaseEndTimer();
    });
  }

  // ---- several locks ----------------------------------------------------------------------

  /**
   * The order in which {@link #acquireAll} takes {@code names}: sorted and de-duplicated
   * (Cinder since commit 749772a6f), or as given, duplicates included (the nested decorators
   * before it).
   */
  public static List<String> acquisitionOrder(List<String> names, LockOrder order) {
    return order == LockOrder.SORTED ? List.copyOf(new TreeSet<>(names)) : List.copyOf(names);
  }

  /**
   * Takes every lock, one after another in {@link DlmOptions#lockOrder()}; each waits as
   * {@code wait} says. If one cannot be had, those already taken are released and the whole
   * fails.
   */
  public SimFuture<List<LockGrant>> acquireAll(List<String> names, LockWait wait, String purpose) {
    return acquireFrom(acquisitionOrder(names, options.lockOrder()), 0, wait, purpose, new ArrayList<>());
  }

  private SimFuture<List<LockGrant>> acquireFrom(List<String> ordered, int index, LockWait wait, String purpose,
      List<LockGrant> taken) {
    if (index == ordered.size()) {
      return SimFuture.succeeded(List.copyOf(taken));
    }
    return acquire(ordered.get(index), wait, purpose).thenHandle(outcome -> {
      if (outcome instanceof Outcome.Success<LockGrant> success) {
        taken.add(success.value());
        return acquireFrom(ordered, index + 1, wait, purpose, taken);
      }
      Failure failure = ((Outcome.Failed<LockGrant>) outcome).failure();
      return releaseAll(taken).flatMap(ignored -> SimFuture.failed(failure));
    });
  }

  /** Releases the locks in the reverse of the order they were taken; never fails. */
  public SimFuture<Void> releaseAll(List<LockGrant> grants) {
    List<LockGrant> reversed = new ArrayList<>(grants);
    Collections.reverse(reversed);
    return releaseFrom(reversed, 0);
  }

  private SimFuture<Void> releaseFrom(List<LockGrant> grants, int index) {
    if (index == grants.size()) {
      return SimFuture.succeeded(null);
    }
    return release(grants.get(index)).flatMap(ignored -> releaseFrom(grants, index + 1));
  }

  /**
   * Cinder's {@code @coordination.synchronized(*names, blocking=...)}: takes the locks, runs
   * {@code body}, and releases them whatever the body's outcome (a {@code finally}). The result
   * is the body's; a lock that cannot be had fails it without running the body. {@code purpose}
   * names the decorated function for the lock log.
   */
  public <T> SimFuture<T> synchronizedOn(List<String> names, LockWait wait, String purpose,
      Supplier<SimFuture<T>> body) {
    return acquireAll(names, wait, purpose).flatMap(grants -> body.get()
        .thenHandle(outcome -> releaseAll(grants).flatMap(released -> settled(outcome))));
  }

  private static <T> SimFuture<T> settled(Outcome<T> outcome) {
    if (outcome instanceof Outcome.Success<T> success) {
      return SimFuture.succeeded(success.value());
    }
    return SimFuture.failed(((Outcome.Failed<T>) outcome).failure());
  }

  // ---- group membership -------------------------------------------------------------------

  private static String memberPrefix(String group) {
    return "member-" + group + "/";
  }

  /**
   * Joins {@code group} by taking the member lock {@code member-<group>/<node>}, which lives
   * exactly as long as this node's locks do: Tooz's etcd members are keys on a lease the heart
   * refreshes, and its ZooKeeper members are ephemeral nodes of the session. Fails only when
   * the server cannot be reached.
   */
  public SimFuture<Void> joinGroup(String group) {
    return acquire(memberPrefix(group) + context.self().name()).map(grant -> null);
  }

  /** The nodes the server now lists as members of {@code group}, sorted by name. */
  public SimFuture<List<NodeId>> groupMembers(String group) {
    String prefix = memberPrefix(group);
    return backend.heldNamesStartingWith(prefix).map(names -> names.stream()
        .map(name -> NodeId.of(name.substring(prefix.length()))).sorted().toList());
  }

  // ---- leader election --------------------------------------------------------------------

  /** The lock whose holder leads {@code group}. */
  public static String leaderLockName(String group) {
    return "leader-" + group;
  }

  /**
   * Runs for leader of {@code group}: waits for the group's leader lock and keeps it, calling
   * {@code onElected} once it is ours. Leadership ends only with this process (a crash, or lease
   * or session expiry that the leader does not notice, exactly as for any lock); a failed try is
   * repeated after the retry interval. File locks make every node its own leader. A lease-aware
   * leader stands again when it gives its lock up, as does one whose lock came too late to count.
   */
  public void runForElection(String group, Runnable onElected) {
    onElectedByGroup.put(group, onElected);
    acquire(leaderLockName(group), LockWait.forever()).whenComplete(outcome -> {
      if (outcome instanceof Outcome.Success<LockGrant> success
          && !believedHeld.containsKey(success.value().operationId())) {
        release(success.value());
        runForElection(group, onElected);
      } else if (outcome instanceof Outcome.Success<LockGrant> success) {
        leaderships.put(group, success.value());
        context.probe("dlm.elected-leader");
        onElected.run();
      } else {
        context.setTimer("dlm.election-retry " + group, options.retryIntervalNanos(),
            () -> runForElection(group, onElected));
      }
    });
  }

  /** Whether this node believes it leads {@code group}. */
  public boolean isLeader(String group) {
    if (options.leaseAware()) {
      giveUpLocksPastTheirLease();
    }
    return leaderships.containsKey(group);
  }
}
