package io.cvolsim.model.workers;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Every workers-table action of a run, stamped with true time from the harness. It is written by
 * the processes and read only by checkers, never by protocol decisions, so it survives crashes.
 */
public final class WorkerLog {
  private final LongSupplier trueClock;
  private final List<WorkerEvent> events = new ArrayList<>();
  private final List<Consumer<WorkerEvent>> observers = new ArrayList<>();
  private final List<AppliedRow> applied = new ArrayList<>();

  public WorkerLog(LongSupplier trueClock) {
    this.trueClock = trueClock;
  }

  void record(WorkerEvent.Kind kind, String node, Long serviceId, WorkerEntry row, Long untilNanos) {
    record(kind, node, serviceId, row, untilNanos, null);
  }

  /** True time now, to stamp a write as it is sent; for judging only. */
  long trueNow() {
    return trueClock.getAsLong();
  }

  void record(WorkerEvent.Kind kind, String node, Long serviceId, WorkerEntry row, Long untilNanos,
      Long sentNanos) {
    WorkerEvent event = new WorkerEvent(trueClock.getAsLong(), kind, node, serviceId, row, untilNanos, sentNanos);
    events.add(event);
    observers.forEach(observer -> observer.accept(event));
  }

  /**
   * Lets the harness react to an action as it happens (a nemesis that stalls a node the moment
   * it claims work). Observers must not feed anything back into the protocol's decisions.
   */
  public void observe(Consumer<WorkerEvent> observer) {
    observers.add(observer);
  }

  /**
   * Records a write to the workers table as the database applied it (the harness wires it with
   * {@code Database.observeWrites}); {@code after} null: deleted.
   */
  public void applied(Object id, io.cvolsim.model.db.Row after) {
    long rowId = ((Number) id).longValue();
    applied.add(after == null ? new AppliedRow(trueClock.getAsLong(), rowId, null, true)
        : new AppliedRow(trueClock.getAsLong(), rowId, ownerOf(after), false));
  }

  private static Long ownerOf(io.cvolsim.model.db.Row row) {
    Object owner = row.get(WorkerColumns.SERVICE_ID);
    return owner == null ? null : ((Number) owner).longValue();
  }

  /** The database's own order of workers writes; empty where the harness did not wire it. */
  public List<AppliedRow> applied() {
    return List.copyOf(applied);
  }

  public List<WorkerEvent> events() {
    return List.copyOf(events);
  }

  public List<WorkerEvent> events(WorkerEvent.Kind kind) {
    List<WorkerEvent> matching = new ArrayList<>();
    for (WorkerEvent event : events) {
      if (event.kind() == kind) {
        matching.add(event);
      }
    }
    return matching;
  }

  /**
   * S8's view: for each row version "id@race_preventer", the services that ran a cleanup action
   * on it. More than one name under a key is a violation.
   */
  public SortedMap<String, List<Long>> cleanersByRowVersion() {
    SortedMap<String, List<Long>> cleaners = new TreeMap<>();
    for (WorkerEvent event : events(WorkerEvent.Kind.ACTION_RUN)) {
      String version = event.row().id() + "@" + event.row().racePreventer();
      cleaners.computeIfAbsent(version, key -> new ArrayList<>()).add(event.serviceId());
    }
    return cleaners;
  }
}
