package io.cvolsim.model.storage;

import io.cvolsim.kernel.api.Durations;

/** A range of virtual durations from which each occurrence draws its own. */
public record DurationRange(long minNanos, long maxNanos) {
  public DurationRange {
    if (minNanos < 0 || maxNanos < minNanos) {
      throw new IllegalArgumentException("bad duration range " + minNanos + ".." + maxNanos);
    }
  }

  public static DurationRange between(long minNanos, long maxNanos) {
    return new DurationRange(minNanos, maxNanos);
  }

  /** Parses {@code 1s..5s} (or a single duration {@code 2s} for a fixed one). */
  public static DurationRange parse(String text) {
    int separator = text.indexOf("..");
    if (separator < 0) {
      long fixed = Durations.parse(text);
      return new DurationRange(fixed, fixed);
    }
    return new DurationRange(Durations.parse(text.substring(0, separator)),
        Durations.parse(text.substring(separator + 2)));
  }

  @Override
  public String toString() {
    return Durations.format(minNanos) + ".." + Durations.format(maxNanos);
  }
}
