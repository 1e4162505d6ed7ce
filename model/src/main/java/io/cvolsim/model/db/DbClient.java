package io.cvolsim.model.db;

import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.SimFuture;
import java.util.List;
import java.util.Map;

/**
 * A node's connection to the database. Each method is one statement over the network, so it
 * completes later or fails: on a timeout the caller cannot know whether the statement ran.
 */
public final class DbClient {
  private final NodeContext context;
  private final NodeId database;
  private final long statementTimeoutNanos;

  public DbClient(NodeContext context, NodeId database, long statementTimeoutNanos) {
    this.context = context;
    this.database = database;
    this.statementTimeoutNanos = statementTimeoutNanos;
  }

  private SimFuture<DbResult> run(DbStatement statement) {
    return context.call(database, statement, DbResult.class, statementTimeoutNanos);
  }

  public SimFuture<List<Row>> select(String table, Condition where) {
    return run(new DbStatement.Select(table, where)).map(result -> ((DbResult.Rows) result).rows());
  }

  /** The row with this id, or null when there is none. */
  public SimFuture<Row> get(String table, Object id) {
    return select(table, Condition.eq("id", id)).map(rows -> rows.isEmpty() ? null : rows.get(0));
  }

  /** Inserts; answers the stored row, or null when a key or unique constraint is taken. */
  public SimFuture<Row> insert(String table, Map<String, ?> values) {
    return run(new DbStatement.Insert(table, Row.of(values)))
        .map(result -> result instanceof DbResult.Rows rows ? rows.rows().get(0) : null);
  }

  /** Cinder's {@code conditional_update}: true when the row matched and changed. */
  public SimFuture<Boolean> conditionalUpdate(String table, Object id, Condition expected,
      List<Assignment> values) {
    Condition where = Condition.all(Condition.eq("id", id), expected);
    return update(table, where, values).map(count -> count > 0);
  }

  /** A plain UPDATE of one row by id, as ORM {@code save()} does. */
  public SimFuture<Boolean> save(String table, Object id, Map<String, ?> values) {
    List<Assignment> assignments = values.entrySet().stream()
        .map(entry -> Assignment.set(entry.getKey(), entry.getValue())).toList();
    return update(table, Condition.eq("id", id), assignments).map(count -> count > 0);
  }

  public SimFuture<Integer> update(String table, Condition where, List<Assignment> values) {
    return run(new DbStatement.Update(table, where, values)).map(result -> ((DbResult.Count) result).count());
  }

  /** The database server's clock ({@code SELECT NOW()}). */
  public SimFuture<Long> databaseTime() {
    return run(new DbStatement.CurrentTime()).map(result -> ((DbResult.Time) result).nanos());
  }

  public SimFuture<Integer> delete(String table, Condition where) {
    return run(new DbStatement.Delete(table, where)).map(result -> ((DbResult.Count) result).count());
  }
}
