package io.cvolsim.model.dlm;

/**
 * How long an acquire may wait: Cinder's {@code blocking} keyword (reference §7.3), where
 * {@code True} waits forever, {@code False} fails at once and a number is a timeout.
 *
 * @param timeoutNanos how long to keep trying, on the acquiring node's clock
 */
public record LockWait(long timeoutNanos) {
  private static final LockWait FOREVER = new LockWait(Long.MAX_VALUE);
  private static final LockWait NO_WAIT = new LockWait(0);

  public LockWait {
    if (timeoutNanos < 0) {
      throw new IllegalArgumentException("negative lock wait: " + timeoutNanos);
    }
  }

  /** {@code blocking=True}, Cinder's default. */
  public static LockWait forever() {
    return FOREVER;
  }

  /** {@code blocking=False}: one attempt. */
  public static LockWait noWait() {
    return NO_WAIT;
  }

  /** {@code blocking=<seconds>}. */
  public static LockWait atMost(long timeoutNanos) {
    return new LockWait(timeoutNanos);
  }

  public boolean isForever() {
    return timeoutNanos == Long.MAX_VALUE;
  }

  /** The local time after which no further attempt starts. */
  long deadlineFrom(long monotonicNowNanos) {
    return isForever() ? Long.MAX_VALUE : Math.addExact(monotonicNowNanos, timeoutNanos);
  }

  @Override
  public String toString() {
    return isForever() ? "forever" : timeoutNanos + "ns";
  }
}
