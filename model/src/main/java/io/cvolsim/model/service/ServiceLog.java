package io.cvolsim.model.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * What the checkers need to judge up/down decisions (S11): when each service's heartbeat was
 * acknowledged by the database, and when some scheduler acted on a service being down. Stamped
 * with TRUE time from the harness's clock, which no protocol decision reads.
 */
public final class ServiceLog {
  /** One entry. */
  public record Event(long trueTimeNanos, Kind kind, String serviceHost, String actor) {}

  /** What happened. */
  public enum Kind {
    /** The database acknowledged a heartbeat of the service. */
    HEARTBEAT,
    /** A scheduler sent the service's cleanup because it judged the service down. */
    DECLARED_DOWN
  }

  private final LongSupplier trueClock;
  private final List<Event> events = new ArrayList<>();

  public ServiceLog(LongSupplier trueClock) {
    this.trueClock = trueClock;
  }

  public void heartbeat(String serviceHost, String node) {
    events.add(new Event(trueClock.getAsLong(), Kind.HEARTBEAT, serviceHost, node));
  }

  public void declaredDown(String serviceHost, String scheduler) {
    events.add(new Event(trueClock.getAsLong(), Kind.DECLARED_DOWN, serviceHost, scheduler));
  }

  public List<Event> events() {
    return Collections.unmodifiableList(events);
  }
}
