package io.cvolsim.model.rpc;

import java.util.ArrayList;
import java.util.List;

/**
 * The scheduler's {@code filter_properties['retry']} (reference §2.3): how many times a create has
 * been placed and which backends it was sent to. Present only when scheduler_max_attempts is above
 * one; a c-vol reschedules a failed create only when it is present.
 */
public record SchedulingRetry(int numAttempts, List<String> backends) {
  public SchedulingRetry {
    backends = List.copyOf(backends);
  }

  /** Before the first placement. */
  public static SchedulingRetry first() {
    return new SchedulingRetry(0, List.of());
  }

  /** After one more placement, on {@code backend}. */
  public SchedulingRetry placedOn(String backend) {
    List<String> tried = new ArrayList<>(backends);
    tried.add(backend);
    return new SchedulingRetry(numAttempts + 1, tried);
  }
}
