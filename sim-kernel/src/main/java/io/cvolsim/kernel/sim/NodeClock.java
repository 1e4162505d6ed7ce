package io.cvolsim.kernel.sim;

/**
 * One node's clock: true time shifted by an offset and running fast or slow by a drift in parts
 * per million. Faults change it; only its own node reads it, checkers read true time.
 */
public final class NodeClock {
  private static final long PPM = 1_000_000L;
  private long anchorTrueNanos;
  private long anchorLocalNanos;
  private long driftPpm;

  NodeClock(long nowTrueNanos) {
    this.anchorTrueNanos = nowTrueNanos;
    this.anchorLocalNanos = nowTrueNanos;
  }

  long localTime(long trueNanos) {
    long elapsed = trueNanos - anchorTrueNanos;
    return anchorLocalNanos + elapsed + Math.multiplyExact(elapsed, driftPpm) / PPM;
  }

  /** How much true time passes while this clock advances by {@code localDelayNanos}. */
  long trueDelay(long localDelayNanos) {
    if (driftPpm == 0) {
      return localDelayNanos;
    }
    long rate = PPM + driftPpm;
    return Math.max(0, Math.floorDiv(Math.multiplyExact(localDelayNanos, PPM) + rate - 1, rate));
  }

  /** Steps the clock so that it reads {@code trueNanos + offsetNanos} now. */
  void setOffset(long nowTrueNanos, long offsetNanos) {
    anchorTrueNanos = nowTrueNanos;
    anchorLocalNanos = nowTrueNanos + offsetNanos;
  }

  /** From now on the clock gains {@code driftPpm} nanoseconds per million (negative: loses). */
  void setDrift(long nowTrueNanos, long newDriftPpm) {
    if (newDriftPpm <= -PPM) {
      throw new IllegalArgumentException("a clock cannot run backwards: drift " + newDriftPpm + " ppm");
    }
    anchorLocalNanos = localTime(nowTrueNanos);
    anchorTrueNanos = nowTrueNanos;
    driftPpm = newDriftPpm;
  }

  long driftPpm() {
    return driftPpm;
  }
}
