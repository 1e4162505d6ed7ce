package io.cvolsim.kernel.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * One node's clocks: the wall clock, true time shifted by an offset and running fast or slow by a
 * drift in parts per million; and the monotonic clock, which drifts with the same oscillator but
 * never steps when the wall clock is set. Faults change them; only its own node reads them,
 * checkers read true time.
 */
public final class NodeClock {
  private static final long PPM = 1_000_000L;
  private long anchorTrueNanos;
  private long anchorLocalNanos;
  private long monotonicAnchorTrueNanos;
  private long monotonicAnchorNanos;
  private long driftPpm;
  /** Each stretch of the monotonic clock at one drift, oldest first: logs ask when a past reading was. */
  private final List<MonotonicStretch> stretches = new ArrayList<>();

  private record MonotonicStretch(long startTrueNanos, long startMonotonicNanos, long driftPpm) {}

  NodeClock(long nowTrueNanos) {
    this.anchorTrueNanos = nowTrueNanos;
    this.anchorLocalNanos = nowTrueNanos;
    this.monotonicAnchorTrueNanos = nowTrueNanos;
    this.monotonicAnchorNanos = nowTrueNanos;
    stretches.add(new MonotonicStretch(nowTrueNanos, nowTrueNanos, 0));
  }

  long localTime(long trueNanos) {
    return advance(anchorLocalNanos, trueNanos - anchorTrueNanos);
  }

  long monotonicTime(long trueNanos) {
    return advance(monotonicAnchorNanos, trueNanos - monotonicAnchorTrueNanos);
  }

  private long advance(long anchorNanos, long elapsedTrueNanos) {
    return anchorNanos + elapsedTrueNanos + Math.multiplyExact(elapsedTrueNanos, driftPpm) / PPM;
  }

  /** How much true time passes while this clock advances by {@code localDelayNanos}. */
  long trueDelay(long localDelayNanos) {
    return trueDelay(localDelayNanos, driftPpm);
  }

  private static long trueDelay(long localDelayNanos, long driftPpm) {
    if (driftPpm == 0) {
      return localDelayNanos;
    }
    long rate = PPM + driftPpm;
    return Math.max(0, Math.floorDiv(Math.multiplyExact(localDelayNanos, PPM) + rate - 1, rate));
  }

  /**
   * The first true time at which the monotonic clock read {@code monotonicNanos} or more; a
   * reading before the clock began maps to its beginning. Readings yet to come are answered at
   * today's drift.
   */
  long trueTimeOfMonotonic(long monotonicNanos) {
    for (int i = stretches.size() - 1; i >= 0; i--) {
      MonotonicStretch stretch = stretches.get(i);
      if (monotonicNanos >= stretch.startMonotonicNanos() || i == 0) {
        long sinceStart = Math.max(0, monotonicNanos - stretch.startMonotonicNanos());
        return stretch.startTrueNanos() + trueDelay(sinceStart, stretch.driftPpm());
      }
    }
    throw new IllegalStateException("a clock always has its first stretch");
  }

  /** Steps the wall clock so that it reads {@code trueNanos + offsetNanos} now; the monotonic one runs on. */
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
    monotonicAnchorNanos = monotonicTime(nowTrueNanos);
    monotonicAnchorTrueNanos = nowTrueNanos;
    driftPpm = newDriftPpm;
    stretches.add(new MonotonicStretch(nowTrueNanos, monotonicAnchorNanos, newDriftPpm));
  }

  long driftPpm() {
    return driftPpm;
  }
}
