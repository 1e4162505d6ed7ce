package io.cvolsim.model.db;

import io.cvolsim.kernel.api.Message;
import java.util.List;

/** A statement sent to the database node; each runs atomically there. */
public sealed interface DbStatement extends Message {
  String table();

  /** INSERT; answers the inserted row, or a zero count when a key or unique constraint is taken. */
  record Insert(String table, Row row) implements DbStatement {}

  /** SELECT * WHERE ...; answers the matching rows in key order. */
  record Select(String table, Condition where) implements DbStatement {}

  /** UPDATE ... SET ... WHERE ...; answers how many rows matched and changed. */
  record Update(String table, Condition where, List<Assignment> values) implements DbStatement {
    public Update {
      values = List.copyOf(values);
    }
  }

  /** SELECT NOW(): the database server's clock. */
  record CurrentTime() implements DbStatement {
    @Override
    public String table() {
      return "";
    }
  }

  /** DELETE WHERE ...; answers how many rows went. */
  record Delete(String table, Condition where) implements DbStatement {}
}
