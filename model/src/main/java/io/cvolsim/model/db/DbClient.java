package io.cvolsim.model.db;

import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.SimFuture;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A node's connection pool to the database. Each method is one statement over the network (or,
 * {@link #inTransaction}, a transaction of several), so it completes later or fails: on a
 * timeout the caller cannot know whether the statement ran.
 */
public final class DbClient {
  private final NodeContext context;
  private final NodeId database;
  private final long statementTimeoutNanos;
  /**
   * When this pool began its first transaction, on this node's clock, so that its transactions'
   * ids differ from an earlier incarnation's (read lazily: most pools never begin one).
   */
  private long poolStartedNanos;
  private long transactionsBegun;

  public DbClient(NodeContext context, NodeId database, long statementTimeoutNanos) {
    this.context = context;
    this.database = database;
    this.statementTimeoutNanos = statementTimeoutNanos;
  }

  /** The error a statement chosen as a deadlock victim fails with (oslo.db's DBDeadlock). */
  public static final String DEADLOCK = "DBDeadlock";

  /** Cinder's {@code wrap_db_retry(max_retries=5, retry_on_deadlock=True)}. */
  private static final int DEADLOCK_RETRIES_MAX = 5;
  private static final long DEADLOCK_RETRY_INTERVAL_NANOS = 500_000_000L;

  private SimFuture<DbResult> run(DbStatement statement) {
    return context.call(database, statement, DbResult.class, statementTimeoutNanos);
  }

  /**
   * A statement under {@code wrap_db_retry}: a deadlock victim is run again after a pause that
   * doubles (oslo.db's inc_retry_interval), up to five times; other failures are not retried.
   */
  private SimFuture<DbResult> runRetryingDeadlocks(DbStatement statement) {
    return retryingDeadlocks(() -> run(statement), 0);
  }

  /** {@code wrap_db_retry} around any attempt: a statement, or a whole transaction from its first statement. */
  private <T> SimFuture<T> retryingDeadlocks(Supplier<SimFuture<T>> attempt, int attemptsBefore) {
    return attempt.get().thenHandle(outcome -> {
      if (outcome.isSuccess() || !isDeadlock(outcome) || attemptsBefore >= DEADLOCK_RETRIES_MAX) {
        if (!outcome.isSuccess() && isDeadlock(outcome)) {
          context.probe("db.deadlock-retries-spent");
        }
        return settled(outcome);
      }
      context.probe("db.deadlock-retried");
      return context.sleep("db-retry", DEADLOCK_RETRY_INTERVAL_NANOS << attemptsBefore)
          .flatMap(ignored -> retryingDeadlocks(attempt, attemptsBefore + 1));
    });
  }

  private static <T> SimFuture<T> settled(Outcome<T> outcome) {
    return outcome.isSuccess() ? SimFuture.succeeded(((Outcome.Success<T>) outcome).value())
        : SimFuture.failed(((Outcome.Failed<T>) outcome).failure());
  }

  private static boolean isDeadlock(Outcome<?> outcome) {
    return outcome instanceof Outcome.Failed<?> failed && failed.failure() instanceof Failure.Error error
        && error.reason().startsWith(DEADLOCK);
  }

  /**
   * A transaction under {@code wrap_db_retry}: {@code body} runs it (and must commit or roll it
   * back); a deadlock, a lock-wait timeout or a failed certification anywhere in it runs the
   * whole body again in a new transaction, with the same retries and back-off as a statement.
   * Any other failure closes the connection, which the server takes as a rollback.
   */
  public <T> SimFuture<T> inTransaction(Function<DbTransaction, SimFuture<T>> body) {
    return retryingDeadlocks(() -> {
      DbTransaction transaction = new DbTransaction(context, database, statementTimeoutNanos, nextTransactionId());
      return body.apply(transaction).thenHandle(outcome -> {
        if (!outcome.isSuccess() && !isDeadlock(outcome)) {
          transaction.closeConnection();
        }
        return settled(outcome);
      });
    }, 0);
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
    return runRetryingDeadlocks(new DbStatement.Insert(table, Row.of(values)))
        .map(result -> result instanceof DbResult.Rows rows ? rows.rows().get(0) : null);
  }

  /** Cinder's {@code conditional_update}: true when the row matched and changed. */
  public SimFuture<Boolean> conditionalUpdate(String table, Object id, Condition expected,
      List<Assignment> values) {
    // Cinder's model_query reads with read_deleted='no': a soft-deleted row is not there.
    Condition where = Condition.all(Condition.eq("id", id), Condition.notEq("deleted", true), expected);
    return update(table, where, values).map(count -> count > 0);
  }

  /** An UPDATE without deadlock retries: the ORM's {@code save()}, report_state's plain update. */
  public SimFuture<Integer> updateOnce(String table, Condition where, List<Assignment> values) {
    return run(new DbStatement.Update(table, where, values)).map(result -> ((DbResult.Count) result).count());
  }

  /** A plain UPDATE of one row by id, as ORM {@code save()} does. */
  public SimFuture<Boolean> save(String table, Object id, Map<String, ?> values) {
    return updateOnce(table, Condition.all(Condition.eq("id", id), Condition.notEq("deleted", true)),
        Assignment.setAll(values)).map(count -> count > 0);
  }

  /** UPDATE under {@code wrap_db_retry} (conditional updates and the workers functions). */
  public SimFuture<Integer> update(String table, Condition where, List<Assignment> values) {
    return runRetryingDeadlocks(new DbStatement.Update(table, where, values))
        .map(result -> ((DbResult.Count) result).count());
  }

  private TransactionId nextTransactionId() {
    if (transactionsBegun == 0) {
      poolStartedNanos = context.localTimeNanos();
    }
    return new TransactionId(poolStartedNanos, ++transactionsBegun);
  }

  /** The database server's clock ({@code SELECT NOW()}). */
  public SimFuture<Long> databaseTime() {
    return run(new DbStatement.CurrentTime()).map(result -> ((DbResult.Time) result).nanos());
  }

  public SimFuture<Integer> delete(String table, Condition where) {
    return runRetryingDeadlocks(new DbStatement.Delete(table, where)).map(result -> ((DbResult.Count) result).count());
  }
}
