package io.cvolsim.scenarios.config;

import java.util.List;
import java.util.function.Function;

/**
 * One {@code --set} key: its name (Cinder's option name where one exists), what it means, its
 * default, the values it takes, and how to read a value. Reading returns the typed value or
 * throws {@link IllegalArgumentException} with a message naming the key and the accepted values.
 */
public record SettingKey<T>(String name, String meaning, String defaultValue, List<String> examples,
    Function<String, T> reader) {

  public T read(String raw) {
    try {
      return reader.apply(raw.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad value '" + raw + "' for " + name + ": "
          + e.getMessage() + " (accepts " + String.join(", ", examples) + ")");
    }
  }
}
