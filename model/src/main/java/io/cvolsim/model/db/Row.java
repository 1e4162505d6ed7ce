package io.cvolsim.model.db;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One table row as an immutable, column-ordered map. Values are {@code String}, {@code Long},
 * {@code Boolean} or absent (SQL NULL). Timestamps are nanoseconds of the writer's clock, as
 * Cinder's ORM stamps {@code updated_at} with the writing node's {@code utcnow()}.
 */
public final class Row {
  private final SortedMap<String, Object> columns;

  private Row(SortedMap<String, Object> columns) {
    this.columns = Collections.unmodifiableSortedMap(columns);
  }

  public static Row of(Map<String, ?> columns) {
    TreeMap<String, Object> copy = new TreeMap<>();
    columns.forEach((name, value) -> {
      if (value != null) {
        copy.put(name, checkType(name, value));
      }
    });
    return new Row(copy);
  }

  private static Object checkType(String name, Object value) {
    if (value instanceof String || value instanceof Long || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Integer number) {
      return number.longValue();
    }
    throw new IllegalArgumentException("column " + name + " has unsupported value " + value);
  }

  /** Column names and values in pairs, nulls allowed: {@code values("status", "available")}. */
  public static SortedMap<String, Object> values(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must come in pairs");
    }
    TreeMap<String, Object> map = new TreeMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }

  /** The value, or null for SQL NULL. */
  public Object get(String column) {
    return columns.get(column);
  }

  public String string(String column) {
    return (String) columns.get(column);
  }

  public long longValue(String column, long whenNull) {
    Object value = columns.get(column);
    return value == null ? whenNull : (Long) value;
  }

  public boolean isTrue(String column) {
    return Boolean.TRUE.equals(columns.get(column));
  }

  public SortedMap<String, Object> columns() {
    return columns;
  }

  /** A copy with the given columns replaced (a null value clears the column). */
  public Row with(Map<String, ?> changes) {
    TreeMap<String, Object> copy = new TreeMap<>(columns);
    changes.forEach((name, value) -> {
      if (value == null) {
        copy.remove(name);
      } else {
        copy.put(name, checkType(name, value));
      }
    });
    return new Row(copy);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Row row && row.columns.equals(columns);
  }

  @Override
  public int hashCode() {
    return Objects.hash(columns);
  }

  @Override
  public String toString() {
    return columns.toString();
  }
}
