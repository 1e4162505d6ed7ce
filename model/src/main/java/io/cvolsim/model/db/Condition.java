package io.cvolsim.model.db;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The WHERE language of Cinder's conditional updates (reference §3), evaluated against one row,
 * with SQL's NULL rules as Cinder applies them: a membership test that lists {@code null}
 * becomes {@code IS NULL OR IN (...)}, and a negative test also matches NULL unless the excluded
 * values list {@code null} ({@code condition_not_db_filter}).
 */
public sealed interface Condition {

  /** Whether the row satisfies the condition; {@code database} answers subqueries. */
  boolean matches(Row row, RowSource database);

  /** Where subqueries look for rows. */
  interface RowSource {
    List<Row> rows(String table);

    /** The database server's own clock while a statement runs ({@code NOW()} in SQL). */
    default long databaseNowNanos() {
      throw new IllegalStateException("this row source has no database clock");
    }
  }

  /** {@code column IN values}; a {@code null} among the values also matches SQL NULL. */
  record In(String column, List<Object> values) implements Condition {
    public In {
      values = Collections.unmodifiableList(values);
    }

    @Override
    public boolean matches(Row row, RowSource database) {
      return values.contains(row.get(column));
    }

    @Override
    public String toString() {
      return column + " in " + values;
    }
  }

  /** {@code NOT (column IN values)}, matching NULL unless {@code null} is among the values. */
  record NotIn(String column, List<Object> values) implements Condition {
    public NotIn {
      values = Collections.unmodifiableList(values);
    }

    @Override
    public boolean matches(Row row, RowSource database) {
      return !values.contains(row.get(column));
    }

    @Override
    public String toString() {
      return column + " not in " + values;
    }
  }

  /** {@code column <= bound}, false on NULL. */
  record AtMost(String column, long bound) implements Condition {
    @Override
    public boolean matches(Row row, RowSource database) {
      Object value = row.get(column);
      return value != null && (Long) value <= bound;
    }
  }

  /**
   * {@code NOT EXISTS (SELECT 1 FROM table WHERE table.foreignColumn = row.id AND deleted is
   * false)}: Cinder's {@code volume_has_snapshots_filter} and its kind.
   */
  record NoLiveChild(String table, String foreignColumn) implements Condition {
    @Override
    public boolean matches(Row row, RowSource database) {
      Object id = row.get("id");
      for (Row child : database.rows(table)) {
        if (Objects.equals(child.get(foreignColumn), id) && !child.isTrue("deleted")) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Cinder's {@code has_attachments}: {@code EXISTS (SELECT 1 FROM table WHERE
   * table.foreignColumn = row.id AND attach_status != 'detached' AND NOT deleted)}.
   */
  record HasAttachments(String table, String foreignColumn) implements Condition {
    @Override
    public boolean matches(Row row, RowSource database) {
      Object id = row.get("id");
      for (Row child : database.rows(table)) {
        if (Objects.equals(child.get(foreignColumn), id) && !child.isTrue("deleted")
            && !"detached".equals(child.get("attach_status"))) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * {@code NOT EXISTS (SELECT 1 FROM table WHERE table.sourceColumn = row.id AND status =
   * 'creating' AND deleted is false)}: no creation from this row is in progress.
   */
  record NotASourceInProgress(String table, String sourceColumn) implements Condition {
    @Override
    public boolean matches(Row row, RowSource database) {
      Object id = row.get("id");
      for (Row other : database.rows(table)) {
        if (Objects.equals(other.get(sourceColumn), id) && "creating".equals(other.get("status"))
            && !other.isTrue("deleted")) {
          return false;
        }
      }
      return true;
    }
  }

  /** All of the parts. */
  record All(List<Condition> parts) implements Condition {
    public All {
      parts = List.copyOf(parts);
    }

    @Override
    public boolean matches(Row row, RowSource database) {
      for (Condition part : parts) {
        if (!part.matches(row, database)) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * The condition as an API process can check it on a row it read: the expected values only,
   * without the subquery filters (has-snapshots, is-a-source) that only the database evaluates.
   */
  static Condition expectedValuesOnly(Condition condition) {
    if (condition instanceof All all) {
      return new All(all.parts().stream().map(Condition::expectedValuesOnly).toList());
    }
    if (condition instanceof NoLiveChild || condition instanceof NotASourceInProgress) {
      return new All(List.of());
    }
    return condition;
  }

  static Condition eq(String column, Object value) {
    return new In(column, Collections.singletonList(value));
  }

  static Condition notEq(String column, Object value) {
    return new NotIn(column, Collections.singletonList(value));
  }

  static Condition in(String column, Object... values) {
    return new In(column, Arrays.asList(values));
  }

  static Condition notIn(String column, Object... values) {
    return new NotIn(column, Arrays.asList(values));
  }

  static Condition all(Condition... parts) {
    return new All(List.of(parts));
  }

  /** A sorted view of the values, for messages. */
  static SortedSet<String> describe(List<Object> values) {
    TreeSet<String> names = new TreeSet<>();
    values.forEach(value -> names.add(String.valueOf(value)));
    return names;
  }
}
