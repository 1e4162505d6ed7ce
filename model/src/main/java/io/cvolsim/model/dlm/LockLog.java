package io.cvolsim.model.dlm;

import io.cvolsim.kernel.api.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The lock log the checker reads (S10 lock safety, L3 lock release): every acquire request,
 * grant, failed acquire, release, failed release, server-side expiry and cleanup, stamped with
 * true time. The harness creates one per run and hands it to every coordinator and server;
 * protocol code writes to it and never reads it back.
 */
public final class LockLog {
  private final LongSupplier trueClock;
  private final MonotonicDating monotonicDating;
  private final List<LockEvent> events = new ArrayList<>();
  private final Map<Long, String> purposeByOperation = new TreeMap<>();
  /** A lease-aware holder's latest lease end per grant it has not yet given up or released. */
  private final Map<String, BeliefLimit> beliefLimits = new TreeMap<>();

  private record BeliefLimit(String lockName, NodeId holder, long token, long operationId, long monotonicNanos) {}
  private long lastOperationId;

  /** When, in true time, a node's monotonic clock read a value: the simulator's answer. */
  @FunctionalInterface
  public interface MonotonicDating {
    long trueTimeOf(NodeId node, long monotonicNanos);
  }

  /**
   * {@code trueClock} is the simulator's clock ({@code simulation::nowNanos} in tests); nodes'
   * monotonic clocks are taken to read true time, as they do while no drift is set.
   */
  public LockLog(LongSupplier trueClock) {
    this(trueClock, (node, monotonicNanos) -> monotonicNanos);
  }

  /** As above, dating a node's own deadlines with {@code monotonicDating} ({@code simulation::trueTimeOfMonotonic}). */
  public LockLog(LongSupplier trueClock, MonotonicDating monotonicDating) {
    this.trueClock = trueClock;
    this.monotonicDating = monotonicDating;
  }

  /** Appends an entry stamped with the true time now. */
  public void record(LockEvent.Kind kind, String lockName, NodeId holder, long token,
      long operationId, String detail) {
    events.add(new LockEvent(trueClock.getAsLong(), kind, lockName, holder, token, operationId, detail));
  }

  /**
   * A lease-aware holder gave a lock up: the entry is stamped with the true time at which its
   * monotonic clock read {@code monotonicNanos}, the lease's end it reckoned.
   */
  public void recordGaveUp(String lockName, NodeId holder, long token, long operationId, long monotonicNanos) {
    beliefLimits.remove(limitKey(lockName, holder, token));
    events.add(new LockEvent(monotonicDating.trueTimeOf(holder, monotonicNanos), LockEvent.Kind.GAVE_UP, lockName,
        holder, token, operationId, "its lease may have run out"));
  }

  /**
   * A lease-aware holder's reckoning of a grant's lease end moved to {@code monotonicNanos} on its
   * own clock. It gives the lock up there whether or not it runs to notice: a holder stalled or
   * dead by then does nothing under the lock before it looks. So {@link #events} ends its belief
   * there even when the holder never logged giving it up.
   */
  public void noteBeliefLimit(String lockName, NodeId holder, long token, long operationId, long monotonicNanos) {
    beliefLimits.put(limitKey(lockName, holder, token),
        new BeliefLimit(lockName, holder, token, operationId, monotonicNanos));
  }

  /** The holder released the grant, or gave it up: its belief limit no longer matters. */
  public void dropBeliefLimit(String lockName, NodeId holder, long token) {
    beliefLimits.remove(limitKey(lockName, holder, token));
  }

  private static String limitKey(String lockName, NodeId holder, long token) {
    return lockName + "\u0000" + holder.name() + "\u0000" + token;
  }

  /** Notes what an acquisition was for (the decorated manager function, such as delete_volume). */
  public void notePurpose(long operationId, String purpose) {
    purposeByOperation.put(operationId, purpose);
  }

  /** What the acquisition was for, or "" when its caller did not say. */
  public String purposeOf(long operationId) {
    return purposeByOperation.getOrDefault(operationId, "");
  }

  /** A fresh id for one acquisition; ids only name operations and never steer the protocol. */
  long nextOperationId() {
    return ++lastOperationId;
  }

  /**
   * Every entry so far, in the order written, then a {@link LockEvent.Kind#GAVE_UP} for each
   * belief limit passed by now that its holder did not get to log (dated at the limit, so out of
   * time order).
   */
  public List<LockEvent> events() {
    List<LockEvent> all = new ArrayList<>(events);
    long nowNanos = trueClock.getAsLong();
    for (BeliefLimit limit : beliefLimits.values()) {
      long datedNanos = monotonicDating.trueTimeOf(limit.holder(), limit.monotonicNanos());
      if (datedNanos <= nowNanos) {
        all.add(new LockEvent(datedNanos, LockEvent.Kind.GAVE_UP, limit.lockName(), limit.holder(), limit.token(),
            limit.operationId(), "its lease may have run out; the holder did not run again to notice"));
      }
    }
    return List.copyOf(all);
  }

  /** The entries for one lock name. */
  public List<LockEvent> eventsFor(String lockName) {
    return events().stream().filter(event -> event.lockName().equals(lockName)).toList();
  }

  /** The entries of one kind. */
  public List<LockEvent> eventsOf(LockEvent.Kind kind) {
    return events().stream().filter(event -> event.kind() == kind).toList();
  }

  /**
   * The grants whose holder has not yet released them, by token, per the log alone: a grant
   * ends with its holder's release or failed release, or the log's record that the lock was
   * dropped under it (expiry, cleanup, process death).
   */
  public List<LockEvent> unreleasedGrantsOf(NodeId holder) {
    Map<String, LockEvent> open = new TreeMap<>();
    for (LockEvent event : events) {
      if (!event.holder().equals(holder)) {
        continue;
      }
      String key = event.lockName() + "#" + event.token();
      if (event.kind() == LockEvent.Kind.GRANTED) {
        open.put(key, event);
      } else if (endsHolding(event.kind())) {
        open.remove(key);
      }
    }
    return List.copyOf(open.values());
  }

  private static boolean endsHolding(LockEvent.Kind kind) {
    return kind == LockEvent.Kind.RELEASED || kind == LockEvent.Kind.RELEASE_FAILED
        || kind == LockEvent.Kind.EXPIRED || kind == LockEvent.Kind.CLEANED
        || kind == LockEvent.Kind.FREED_AT_PROCESS_DEATH;
  }

  /**
   * For file locks ({@link CoordinationBackend#freedAtProcessDeath()}): the harness calls this
   * when it crashes a node, and the log records that the operating system dropped each file
   * lock the dead process held.
   */
  public void recordProcessDeath(NodeId node) {
    for (LockEvent grant : unreleasedGrantsOf(node)) {
      record(LockEvent.Kind.FREED_AT_PROCESS_DEATH, grant.lockName(), node, grant.token(),
          grant.operationId(), "process died");
    }
  }
}
