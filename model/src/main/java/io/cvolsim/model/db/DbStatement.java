package io.cvolsim.model.db;

import io.cvolsim.kernel.api.Message;
import java.util.List;

/**
 * A statement sent to the database node; each runs atomically there. Most are autocommit
 * statements; {@link LockingSelect}, {@link Commit} and {@link Rollback} belong to a client's
 * transaction, which holds row locks from its first locking read to its end.
 */
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

  /**
   * {@code SELECT * FROM table WHERE column = value FOR UPDATE} in the client's transaction: locks
   * the matching rows (and, as InnoDB's next-key locks do, the gap where new ones would go)
   * until the transaction ends. {@code first} marks the statement that opens the transaction;
   * a later one whose transaction the server no longer knows fails instead of opening a new one.
   */
  record LockingSelect(TransactionId transaction, boolean first, String table, String column, Object value)
      implements DbStatement {}

  /** The transaction's writes, then COMMIT, in one message; answers how many rows they changed. */
  record Commit(TransactionId transaction, List<DbStatement> writes) implements DbStatement {
    public Commit {
      writes = List.copyOf(writes);
      for (DbStatement write : writes) {
        if (!isWrite(write) || write instanceof Commit) {
          throw new IllegalArgumentException("a commit carries only writes: " + write);
        }
      }
    }

    @Override
    public String table() {
      return "";
    }
  }

  /** ROLLBACK; also what the server does when the client's connection closes. Answers a zero count. */
  record Rollback(TransactionId transaction) implements DbStatement {
    @Override
    public String table() {
      return "";
    }
  }

  /** Whether the statement changes rows (a commit does, through its writes). */
  static boolean isWrite(DbStatement statement) {
    return statement instanceof Update || statement instanceof Insert || statement instanceof Delete
        || statement instanceof Commit;
  }
}
