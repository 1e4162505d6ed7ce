package io.cvolsim.model.db;

import io.cvolsim.kernel.api.Message;
import java.util.List;

/** The database's answer to a statement. */
public sealed interface DbResult extends Message {

  record Rows(List<Row> rows) implements DbResult {
    public Rows {
      rows = List.copyOf(rows);
    }
  }

  record Count(int count) implements DbResult {}

  /** The database server's clock, in nanoseconds. */
  record Time(long nanos) implements DbResult {}
}
