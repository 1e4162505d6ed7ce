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
  private final List<LockEvent> events = new ArrayList<>();
  private final Map<Long, String> purposeByOperation = new TreeMap<>();
  private long lastOperationId;

  /** {@code trueClock} is the simulator's clock ({@code simulation::nowNanos} in tests). */
  public LockLog(LongSupplier trueClock) {
    this.trueClock = trueClock;
  }

  /** Appends an entry stamped with the true time now. */
  public void record(LockEvent.Kind kind, String lockName, NodeId holder, long token,
      long operationId, String detail) {
    events.add(new LockEvent(trueClock.getAsLong(), kind, lockName, holder, token, operationId, detail));
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

  /** Every entry so far, in the order written. */
  public List<LockEvent> events() {
    return List.copyOf(events);
  }

  /** The entries for one lock name. */
  public List<LockEvent> eventsFor(String lockName) {
    return events.stream().filter(event -> event.lockName().equals(lockName)).toList();
  }

  /** The entries of one kind. */
  public List<LockEvent> eventsOf(LockEvent.Kind kind) {
    return events.stream().filter(event -> event.kind() == kind).toList();
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
