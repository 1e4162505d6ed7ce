package io.cvolsim.kernel.api;

import java.util.Locale;

/** Virtual time is a {@code long} count of nanoseconds; these helpers name the units. */
public final class Durations {
  public static final long NANOS_PER_MILLI = 1_000_000L;
  public static final long NANOS_PER_SECOND = 1_000_000_000L;

  private Durations() {}

  public static long millis(long millis) {
    return Math.multiplyExact(millis, NANOS_PER_MILLI);
  }

  public static long seconds(long seconds) {
    return Math.multiplyExact(seconds, NANOS_PER_SECOND);
  }

  /** Parses {@code 10s}, {@code 250ms}, {@code 2m}, {@code 1500us}, {@code 5ns}. */
  public static long parse(String text) {
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    String[][] units = {{"ms", "1000000"}, {"us", "1000"}, {"ns", "1"}, {"s", "1000000000"},
        {"m", "60000000000"}, {"h", "3600000000000"}};
    for (String[] unit : units) {
      if (trimmed.endsWith(unit[0])) {
        String number = trimmed.substring(0, trimmed.length() - unit[0].length());
        try {
          return Math.multiplyExact(Long.parseLong(number), Long.parseLong(unit[1]));
        } catch (NumberFormatException | ArithmeticException e) {
          break;
        }
      }
    }
    throw new IllegalArgumentException(
        "not a duration: '" + text + "' (expected a whole number with a unit: 10s, 250ms, 2m)");
  }

  /** Formats a duration the way {@link #parse} reads it, choosing the largest exact unit. */
  public static String format(long nanos) {
    if (nanos != 0 && nanos % seconds(1) == 0) {
      return nanos / seconds(1) + "s";
    }
    if (nanos != 0 && nanos % millis(1) == 0) {
      return nanos / millis(1) + "ms";
    }
    if (nanos != 0 && nanos % 1000 == 0) {
      return nanos / 1000 + "us";
    }
    return nanos + "ns";
  }

  /** Seconds with nine decimals, for traces: {@code 31.200000000}. */
  public static String formatTimestamp(long nanos) {
    String fraction = Long.toString(nanos % NANOS_PER_SECOND);
    return nanos / NANOS_PER_SECOND + "." + "000000000".substring(fraction.length()) + fraction;
  }
}
