package io.cvolsim.cli.check;

import io.cvolsim.checker.io.EdnValues;
import io.cvolsim.checker.io.HistoryFormat;
import io.cvolsim.checker.model.InitialValue;
import java.util.Locale;


/** Parses the check command's option values, failing with a one-line message. */
public final class OptionValues {
  private OptionValues() {}

  /** A duration such as {@code 60s}, {@code 250ms}, {@code 2m}; a bare number is seconds. */
  public static long durationMillis(String option, String text) throws BadInputException {
    String lower = text.strip().toLowerCase(Locale.ROOT);
    long factor = 1000;
    String digits = lower;
    if (lower.endsWith("ms")) {
      factor = 1;
      digits = lower.substring(0, lower.length() - 2);
    } else if (lower.endsWith("s")) {
      digits = lower.substring(0, lower.length() - 1);
    } else if (lower.endsWith("m")) {
      factor = 60_000;
      digits = lower.substring(0, lower.length() - 1);
    }
    long amount = positive(option, digits, text);
    return amount * factor;
  }

  /** A positive whole number. */
  public static long positive(String option, String digits, String text) throws BadInputException {
    try {
      long amount = Long.parseLong(digits);
      if (amount > 0) {
        return amount;
      }
    } catch (NumberFormatException notNumber) {
      // Reported below with the option's name.
    }
    throw new BadInputException(option + ": expected a positive amount, got \"" + text + "\"");
  }

  /** The --initial value as EDN; none when the option was not given. */
  public static InitialValue initialValue(String text) throws BadInputException {
    if (text == null) {
      return InitialValue.none();
    }
    try {
      return InitialValue.of(EdnValues.parse(text));
    } catch (IllegalArgumentException error) {
      throw new BadInputException("--initial: " + error.getMessage());
    }
  }

  /** A --format name. */
  public static HistoryFormat format(String name) throws BadInputException {
    HistoryFormat format = HistoryFormat.fromCliName(name);
    if (format == null) {
      throw new BadInputException("--format: unknown format \"" + name
          + "\" (known: auto, edn, jepsen-log, porcupine-kv, jsonl)");
    }
    return format;
  }
}
