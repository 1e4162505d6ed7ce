package io.cvolsim.model.dlm;

import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Function;

/** Parsing of an enum option's {@code --set KEY=VALUE} value, with a message naming the choices. */
final class OptionValues {
  private OptionValues() {}

  static <E extends Enum<E>> E parse(String key, String text, E[] values, Function<E, String> optionValue) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    StringJoiner accepted = new StringJoiner(", ");
    for (E value : values) {
      if (optionValue.apply(value).equals(wanted)) {
        return value;
      }
      accepted.add(optionValue.apply(value));
    }
    throw new IllegalArgumentException("unknown " + key + " '" + text + "' (expected one of " + accepted + ")");
  }
}
