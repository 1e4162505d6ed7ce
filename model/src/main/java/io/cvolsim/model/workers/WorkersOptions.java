package io.cvolsim.model.workers;

import io.cvolsim.kernel.api.Durations;

/**
 * How the workers table behaves.
 *
 * @param claim the cleanup claim variant (V7, V8)
 * @param timestampGranularityNanos the resolution the database stores {@code workers}
 *     timestamps at: 1 µs for DATETIME(6), 1 s for MySQL 5.5 (V8); a write is truncated to it
 * @param createWorkerMaxAttempts bound on create_worker's insert-or-take-over loop, which Cinder
 *     leaves unbounded ("will only loop on very rare race conditions")
 * @param clock whose clock stamps rows and bounds cleanups
 */
public record WorkersOptions(CleanupClaim claim, long timestampGranularityNanos,
    int createWorkerMaxAttempts, WorkersClock clock) {

  public WorkersOptions {
    if (timestampGranularityNanos <= 0) {
      throw new IllegalArgumentException("timestamp granularity must be positive: " + timestampGranularityNanos);
    }
    if (createWorkerMaxAttempts < 1) {
      throw new IllegalArgumentException("create_worker needs at least one attempt: " + createWorkerMaxAttempts);
    }
  }

  /** Cinder today: race_preventer claims on a database with microsecond timestamps. */
  public static WorkersOptions cinderToday() {
    return new WorkersOptions(CleanupClaim.RACE_PREVENTER, 1_000, 10, WorkersClock.WRITER);
  }

  public WorkersOptions withClaim(CleanupClaim newClaim) {
    return new WorkersOptions(newClaim, timestampGranularityNanos, createWorkerMaxAttempts, clock);
  }

  public WorkersOptions withTimestampGranularityNanos(long granularityNanos) {
    return new WorkersOptions(claim, granularityNanos, createWorkerMaxAttempts, clock);
  }

  public WorkersOptions withClock(WorkersClock newClock) {
    return new WorkersOptions(claim, timestampGranularityNanos, createWorkerMaxAttempts, newClock);
  }

  /** A writer's clock reading as the database stores it: truncated to the granularity. */
  public long stored(long writerNanos) {
    return Math.floorDiv(writerNanos, timestampGranularityNanos) * timestampGranularityNanos;
  }

  @Override
  public String toString() {
    return "WorkersOptions[claim=" + claim.optionValue() + ", granularity="
        + Durations.format(timestampGranularityNanos) + ", createWorkerMaxAttempts="
        + createWorkerMaxAttempts + (clock == WorkersClock.WRITER ? "" : ", clock=" + clock.optionValue()) + "]";
  }
}
