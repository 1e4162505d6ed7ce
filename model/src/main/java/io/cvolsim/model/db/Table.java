package io.cvolsim.model.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Rows of one table in primary-key order. Keys are strings ({@code "vol-3"}); integer keys from
 * an autoincrement are zero-padded so that key order is numeric order. A unique constraint over
 * some columns rejects inserts that would duplicate them (the {@code workers} table's
 * {@code (resource_type, resource_id)}).
 */
public final class Table {
  private final String name;
  private final List<String> uniqueColumns;
  private final TreeMap<String, Row> rows = new TreeMap<>();
  private long nextAutoId = 1;

  public Table(String name, List<String> uniqueColumns) {
    this.name = name;
    this.uniqueColumns = List.copyOf(uniqueColumns);
  }

  public String name() {
    return name;
  }

  static String key(Object id) {
    if (id instanceof Long number) {
      return String.format("%019d", number);
    }
    return String.valueOf(id);
  }

  public Row get(Object id) {
    return rows.get(key(id));
  }

  public List<Row> rows() {
    return new ArrayList<>(rows.values());
  }

  /** Inserts a row, giving it the next integer id when it has none; null if a key is taken. */
  Row insert(Row row) {
    Row withId = row.get("id") == null ? row.with(Row.values("id", nextAutoId++)) : row;
    String key = key(withId.get("id"));
    if (rows.containsKey(key) || violatesUnique(withId)) {
      return null;
    }
    rows.put(key, withId);
    return withId;
  }

  private boolean violatesUnique(Row candidate) {
    if (uniqueColumns.isEmpty()) {
      return false;
    }
    for (Row existing : rows.values()) {
      boolean same = true;
      for (String column : uniqueColumns) {
        same &= Objects.equals(existing.get(column), candidate.get(column));
      }
      if (same) {
        return true;
      }
    }
    return false;
  }

  void replace(Row row) {
    rows.put(key(row.get("id")), row);
  }

  void remove(Object id) {
    rows.remove(key(id));
  }
}
