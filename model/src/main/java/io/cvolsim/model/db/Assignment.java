package io.cvolsim.model.db;

import java.util.List;

/**
 * The SET language of conditional updates (reference §3): literals, copies of other columns
 * ({@code previous_status = status}), increments ({@code race_preventer + 1}) and CASE. Every
 * right-hand side reads the row as it was before the update, which is what Cinder's ordering of
 * values achieves on every database.
 */
public sealed interface Assignment {

  String column();

  /** The new value computed from the row before the update. */
  Object valueFor(Row before, Condition.RowSource database);

  record Literal(String column, Object value) implements Assignment {
    @Override
    public Object valueFor(Row before, Condition.RowSource database) {
      return value;
    }

    @Override
    public String toString() {
      return column + "=" + value;
    }
  }

  record CopyOf(String column, String source) implements Assignment {
    @Override
    public Object valueFor(Row before, Condition.RowSource database) {
      return before.get(source);
    }

    @Override
    public String toString() {
      return column + "=" + source;
    }
  }

  record Increment(String column, long delta) implements Assignment {
    @Override
    public Object valueFor(Row before, Condition.RowSource database) {
      return before.longValue(column, 0) + delta;
    }

    @Override
    public String toString() {
      return column + "=" + column + "+" + delta;
    }
  }

  /** {@code CASE WHEN cond THEN value ... ELSE otherwise END}. */
  record Case(String column, List<When> branches, Object otherwise) implements Assignment {
    public record When(Condition condition, Object value) {}

    public Case {
      branches = List.copyOf(branches);
    }

    @Override
    public Object valueFor(Row before, Condition.RowSource database) {
      for (When branch : branches) {
        if (branch.condition().matches(before, database)) {
          return branch.value();
        }
      }
      return otherwise;
    }
  }

  /** {@code column = NOW()}: stamped with the database server's clock, not the writer's. */
  record DatabaseNow(String column) implements Assignment {
    @Override
    public Object valueFor(Row before, Condition.RowSource database) {
      return database.databaseNowNanos();
    }

    @Override
    public String toString() {
      return column + "=NOW()";
    }
  }

  static Assignment set(String column, Object value) {
    return new Literal(column, value);
  }

  /** One literal assignment per field, in the map's iteration order. */
  static List<Assignment> setAll(java.util.Map<String, ?> fields) {
    return fields.entrySet().stream().map(field -> set(field.getKey(), field.getValue())).toList();
  }
}
