package io.cvolsim.scenarios.config;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.Ratio;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Readers for setting values: durations, bounded integers, percentages, enums by option value. */
final class Readers {
  private Readers() {}

  static Function<String, Long> duration(long minNanos, long maxNanos) {
    return raw -> {
      long nanos = Durations.parse(raw);
      if (nanos < minNanos || nanos > maxNanos) {
        throw new IllegalArgumentException("must be within " + Durations.format(minNanos) + ".."
            + Durations.format(maxNanos));
      }
      return nanos;
    };
  }

  /** A duration, or {@code default} for the component's own default (empty). */
  static Function<String, java.util.Optional<Long>> durationOrDefault(long minNanos, long maxNanos) {
    Function<String, Long> duration = duration(minNanos, maxNanos);
    return raw -> raw.equals("default") ? java.util.Optional.empty() : java.util.Optional.of(duration.apply(raw));
  }

  static Function<String, Integer> integer(int min, int max) {
    return raw -> {
      int value;
      try {
        value = Integer.parseInt(raw);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a whole number");
      }
      if (value < min || value > max) {
        throw new IllegalArgumentException("must be within " + min + ".." + max);
      }
      return value;
    };
  }

  /** A whole number within min..max, or the word {@code none} standing for {@code noneValue}. */
  static Function<String, Long> integerOr(String none, long noneValue, int min, int max) {
    Function<String, Integer> number = integer(min, max);
    return raw -> raw.equals(none) ? noneValue : (long) number.apply(raw);
  }

  /** {@code 5%} or {@code 0.05}: a probability. */
  static Function<String, Ratio> percent(int maxPercent) {
    return raw -> {
      String number = raw.endsWith("%") ? raw.substring(0, raw.length() - 1) : raw;
      int percent;
      try {
        percent = Integer.parseInt(number);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a whole percentage");
      }
      if (percent < 0 || percent > maxPercent) {
        throw new IllegalArgumentException("must be within 0%.." + maxPercent + "%");
      }
      return Ratio.percent(percent);
    };
  }

  static Function<String, Boolean> onOff() {
    return raw -> {
      if (raw.equals("on") || raw.equals("true")) {
        return true;
      }
      if (raw.equals("off") || raw.equals("false")) {
        return false;
      }
      throw new IllegalArgumentException("must be on or off");
    };
  }

  /** An enum whose constants are named by {@code optionValue}. */
  static <E extends Enum<E>> Function<String, E> choice(Class<E> type, Function<E, String> optionValue) {
    return raw -> Arrays.stream(type.getEnumConstants())
        .filter(constant -> optionValue.apply(constant).equals(raw))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown value"));
  }

  static <E extends Enum<E>> List<String> values(Class<E> type, Function<E, String> optionValue) {
    return Arrays.stream(type.getEnumConstants()).map(optionValue).toList();
  }
}
