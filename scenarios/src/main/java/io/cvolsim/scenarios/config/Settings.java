package io.cvolsim.scenarios.config;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The values of every {@code --set} key for one run, as text (what was given, or the default),
 * read into typed values on demand. Immutable; {@link #with} validates a key and value.
 */
public final class Settings {
  private final SortedMap<String, String> values;

  private Settings(SortedMap<String, String> values) {
    this.values = Collections.unmodifiableSortedMap(values);
  }

  /** Every key at its default. */
  public static Settings defaults() {
    TreeMap<String, String> values = new TreeMap<>();
    for (SettingKey<?> key : SettingsCatalog.ALL) {
      values.put(key.name(), key.defaultValue());
    }
    return new Settings(values);
  }

  /**
   * A copy with one key set.
   *
   * @throws IllegalArgumentException naming an unknown key or a bad value
   */
  public Settings with(String name, String rawValue) {
    SettingKey<?> key = SettingsCatalog.find(name).orElseThrow(() -> new IllegalArgumentException(
        "unknown --set key '" + name + "' (cvolsim variants lists the keys)"));
    key.read(rawValue);
    TreeMap<String, String> copy = new TreeMap<>(values);
    copy.put(name, rawValue.trim());
    return new Settings(copy);
  }

  /** Applies {@code KEY=VALUE} assignments in order. */
  public Settings withAssignments(Iterable<String> assignments) {
    Settings result = this;
    for (String assignment : assignments) {
      int equals = assignment.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("--set takes KEY=VALUE, not '" + assignment + "'");
      }
      result = result.with(assignment.substring(0, equals).trim(), assignment.substring(equals + 1));
    }
    return result;
  }

  public <T> T get(SettingKey<T> key) {
    return key.read(values.get(key.name()));
  }

  /** Every key and its value, in key order: what the first line of a run prints. */
  public Map<String, String> asMap() {
    return values;
  }

  /** The keys whose value differs from the default, as {@code KEY=VALUE} for a repro line. */
  public SortedMap<String, String> nonDefault() {
    TreeMap<String, String> changed = new TreeMap<>();
    for (SettingKey<?> key : SettingsCatalog.ALL) {
      String value = values.get(key.name());
      if (!value.equals(key.defaultValue())) {
        changed.put(key.name(), value);
      }
    }
    return changed;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Settings settings && settings.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
