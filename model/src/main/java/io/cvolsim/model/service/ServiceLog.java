package io.cvolsim.model.service;

import io.cvolsim.model.capacity.CapacityLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * What the checkers need to judge up/down decisions (S11) and heartbeat recovery (L5): when each
 * service's heartbeat loop started, skipped a beat or was acknowledged by the database, when some
 * scheduler acted on a service being down, when an admin's cleanup was answered, and when the
 * harness gave a running node its links back or killed it. Stamped with TRUE time from the harness's clock, which no protocol decision
 * reads.
 */
public final class ServiceLog {
  /**
   * One entry; {@code actor} is the node that acted (for harness events, the node acted on), and
   * {@code scope}, for a cleanup order, the rows it covers (every other event covers the whole
   * service).
   */
  public record Event(long trueTimeNanos, Kind kind, String serviceHost, String actor, OrderScope scope) {
    public Event(long trueTimeNanos, Kind kind, String serviceHost, String actor) {
      this(trueTimeNanos, kind, serviceHost, actor, OrderScope.WHOLE_SERVICE);
    }
  }

  /** What happened. */
  public enum Kind {
    /** A service process started its heartbeat loop (after init_host). */
    HEARTBEAT_STARTED,
    /** The service sent a heartbeat; if acknowledged, it was written no earlier than this. */
    HEARTBEAT_SENT,
    /** The database acknowledged a heartbeat of the service. */
    HEARTBEAT,
    /** A beat was due but the manager was not working (driver not initialized): none was sent. */
    HEARTBEAT_SKIPPED,
    /** A scheduler sent the service's cleanup because it judged the service down. */
    DECLARED_DOWN,
    /** The harness healed every link of a running node (the heal phase). */
    RECONNECTED,
    /** The harness crashed or powered off the node. */
    PROCESS_DIED,
    /** The node's driver started (do_setup and check_for_setup_error passed). */
    DRIVER_STARTED,
    /** The node's driver did not start (all its attempts failed): it has no working backend. */
    DRIVER_UNINITIALIZED,
    /** The harness set the node's clock running slow: its timers fire late in true time. */
    CLOCK_SLOWED,
    /** An admin's workers cleanup was answered with this service among those being cleaned. */
    CLEANUP_ORDERED,
    /**
     * A scheduler sent the cleanup of a service an admin ordered cleaned while up (is_up=true):
     * a decision about the process running now, as DECLARED_DOWN is for a silent one.
     */
    ORDERED_CLEANED_WHILE_UP,
    /** An admin's workers cleanup was answered with this service as one nobody can clean. */
    CLEANUP_UNAVAILABLE,
    /** The harness started the node's process again after a crash, or a replacement machine's. */
    PROCESS_STARTED
  }

  /**
   * A capability report (L6): sent by a volume service, or applied by a scheduler ({@code scheduler}
   * empty when sent). A report is named by its reporter and its stamp.
   */
  public record CapabilityEvent(long trueTimeNanos, String scheduler, String backend, String reporter,
      long stampNanos, boolean accepted) {
    public boolean isSent() {
      return scheduler.isEmpty();
    }

    public String reportName() {
      return ServiceLog.reportName(reporter, stampNanos);
    }
  }

  /** How logs and schedulers name a capability report: its reporter and its stamp. */
  public static String reportName(String reporter, long stampNanos) {
    return reporter + "@" + stampNanos;
  }

  private final LongSupplier trueClock;
  private final List<Event> events = new ArrayList<>();
  private final List<CapabilityEvent> capabilityEvents = new ArrayList<>();
  private final CapacityLog capacity;

  public ServiceLog(LongSupplier trueClock) {
    this.trueClock = trueClock;
    this.capacity = new CapacityLog(trueClock);
  }

  /** The capacity half of the capability reports (S13), with what placements believed. */
  public CapacityLog capacity() {
    return capacity;
  }

  /** What one service's heartbeat loop reports to this log. */
  public HeartbeatObserver observer(String serviceHost, String node) {
    return new HeartbeatObserver() {
      @Override
      public void started() {
        record(Kind.HEARTBEAT_STARTED, serviceHost, node);
      }

      @Override
      public void sending() {
        record(Kind.HEARTBEAT_SENT, serviceHost, node);
      }

      @Override
      public void acknowledged() {
        heartbeat(serviceHost, node);
      }

      @Override
      public void skipped() {
        record(Kind.HEARTBEAT_SKIPPED, serviceHost, node);
      }
    };
  }

  public void heartbeat(String serviceHost, String node) {
    record(Kind.HEARTBEAT, serviceHost, node);
  }

  public void declaredDown(String serviceHost, String scheduler) {
    declaredDown(serviceHost, scheduler, OrderScope.WHOLE_SERVICE);
  }

  /** A scheduler judged the service down and ordered the rows in {@code scope} cleaned. */
  public void declaredDown(String serviceHost, String scheduler, OrderScope scope) {
    events.add(new Event(trueClock.getAsLong(), Kind.DECLARED_DOWN, serviceHost, scheduler, scope));
  }

  public void reconnected(String node) {
    record(Kind.RECONNECTED, "", node);
  }

  public void orderedCleanedWhileUp(String serviceHost, String scheduler) {
    record(Kind.ORDERED_CLEANED_WHILE_UP, serviceHost, scheduler);
  }

  public void cleanupOrdered(String serviceHost, String admin) {
    record(Kind.CLEANUP_ORDERED, serviceHost, admin);
  }

  public void cleanupUnavailable(String serviceHost, String admin) {
    record(Kind.CLEANUP_UNAVAILABLE, serviceHost, admin);
  }

  public void driverStarted(String serviceHost, String node) {
    record(Kind.DRIVER_STARTED, serviceHost, node);
  }

  public void driverUninitialized(String serviceHost, String node) {
    record(Kind.DRIVER_UNINITIALIZED, serviceHost, node);
  }

  public void clockSlowed(String node) {
    record(Kind.CLOCK_SLOWED, "", node);
  }

  public void processDied(String node) {
    record(Kind.PROCESS_DIED, "", node);
  }

  public void processStarted(String node) {
    record(Kind.PROCESS_STARTED, "", node);
  }

  private void record(Kind kind, String serviceHost, String actor) {
    events.add(new Event(trueClock.getAsLong(), kind, serviceHost, actor));
  }

  public void capabilitySent(String backend, String reporter, long stampNanos) {
    capabilityEvents.add(new CapabilityEvent(trueClock.getAsLong(), "", backend, reporter, stampNanos, true));
  }

  /**
   * A report stamped by the database server's clock ({@code scheduler.capability_stamp=database}):
   * dated at its stamp, the moment the database read its clock, which is true time since no
   * fault skews or drifts the database.
   */
  public void capabilitySentStampedByDatabase(String backend, String reporter, long stampNanos) {
    capabilityEvents.add(new CapabilityEvent(stampNanos, "", backend, reporter, stampNanos, true));
  }

  /** A scheduler applied a report: {@code accepted} false when it dropped it as older than the one held. */
  public void capabilityApplied(String scheduler, String backend, String reporter, long stampNanos, boolean accepted) {
    capabilityEvents.add(new CapabilityEvent(trueClock.getAsLong(), scheduler, backend, reporter, stampNanos, accepted));
  }

  public List<CapabilityEvent> capabilityEvents() {
    return Collections.unmodifiableList(capabilityEvents);
  }

  public List<Event> events() {
    return Collections.unmodifiableList(events);
  }
}
