package io.cvolsim.model.db;

import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.TimerHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The database server's statement handling beyond one atomic statement: transactions and their
 * row locks, statements waiting for a lock, and certification between masters. All of it is
 * the server process's memory, so a restart of the database rolls every transaction back.
 *
 * <p>With one master and no transaction open (every run that does not ask for
 * {@code select-for-update} or more masters) a statement runs at once, exactly as before: no
 * timer, no draw, no message more.
 */
final class TransactionServer {
  static final String DEADLOCK_FOUND = DbClient.DEADLOCK
      + ": (1213) Deadlock found when trying to get lock; try restarting transaction";
  static final String LOCK_WAIT_TIMEOUT = DbClient.DEADLOCK
      + ": (1205) Lock wait timeout exceeded; try restarting transaction";
  static final String TRANSACTION_GONE = "DBConnectionError: the transaction was rolled back by the server";

  private final NodeContext context;
  private final Database database;
  private final DatabaseOptions options;
  private final MasterAssignment masters;
  private final Certifier certifier;
  private final RowLocks locks = new RowLocks();
  private final TreeMap<TransactionKey, OpenTransaction> open = new TreeMap<>();
  private final EndedTransactions ended = new EndedTransactions();
  private final List<LockWait> waits = new ArrayList<>();
  private boolean waking;
  private boolean wakeAgain;

  /** A statement parked behind a row lock, with its lock-wait timer; {@code transaction} null for autocommit. */
  private record LockWait(Incoming incoming, DbStatement statement, int master, TransactionKey transaction,
      TimerHandle timeout) {}

  TransactionServer(NodeContext context, Database database, DatabaseOptions options) {
    this.context = context;
    this.database = database;
    this.options = options;
    this.masters = new MasterAssignment(options.masters());
    this.certifier = new Certifier(options.masters(), options.replicationDelayNanos());
  }

  /** Runs, parks or refuses one statement; every path answers it exactly once. */
  void serve(Incoming incoming, DbStatement statement) {
    if (statement instanceof DbStatement.LockingSelect select) {
      lockingSelect(incoming, select);
    } else if (statement instanceof DbStatement.Commit commit) {
      commit(incoming, commit);
    } else if (statement instanceof DbStatement.Rollback rollback) {
      rollback(incoming, rollback);
    } else {
      int master = masters.masterOf(incoming.from());
      if (DbStatement.isWrite(statement) && locks.blocks(master, statement, null, database)) {
        park(incoming, statement, master, null);
      } else {
        autocommit(incoming, statement, master);
      }
    }
  }

  /** The statement was chosen as a deadlock victim: a transaction it belongs to is rolled back. */
  void abortedAsDeadlockVictim(Incoming incoming, DbStatement statement) {
    if (statement instanceof DbStatement.Commit commit) {
      OpenTransaction transaction = open.get(keyOf(incoming, commit.transaction()));
      if (transaction != null) {
        end(transaction);
      }
    }
  }

  private static TransactionKey keyOf(Incoming incoming, TransactionId id) {
    return new TransactionKey(incoming.from(), id);
  }

  /** One statement in its own transaction; with several masters a write is certified first. */
  private void autocommit(Incoming incoming, DbStatement statement, int master) {
    if (options.masters() == 1 || !DbStatement.isWrite(statement)) {
      context.reply(incoming, database.execute(statement, context.localTimeNanos()));
      return;
    }
    long nowNanos = context.monotonicNanos();
    List<WriteScope.WriteKey> keys = WriteScope.writeKeys(database, statement);
    if (certifier.conflicts(master, nowNanos, keys)) {
      context.probe("db.certification-failed");
      context.replyError(incoming, DEADLOCK_FOUND + " (certification failed)");
      return;
    }
    DbResult result = database.execute(statement, context.localTimeNanos());
    certifier.record(master, nowNanos, keys);
    context.reply(incoming, result);
  }

  private void lockingSelect(Incoming incoming, DbStatement.LockingSelect select) {
    TransactionKey key = keyOf(incoming, select.transaction());
    OpenTransaction transaction = open.get(key);
    if (transaction == null) {
      if (!select.first() || ended.contains(key)) {
        context.replyError(incoming, TRANSACTION_GONE);
        return;
      }
      transaction = new OpenTransaction(key, masters.masterOf(incoming.from()));
      open.put(key, transaction);
    }
    transaction.stopIdleClock();
    RowLocks.LockKey lock = RowLocks.LockKey.of(select.table(), select.column(), select.value());
    if (locks.heldByOther(transaction.master, lock, key)) {
      park(incoming, select, transaction.master, key);
    } else {
      grant(incoming, select, transaction);
    }
  }

  private void grant(Incoming incoming, DbStatement.LockingSelect select, OpenTransaction transaction) {
    RowLocks.LockKey lock = RowLocks.LockKey.of(select.table(), select.column(), select.value());
    locks.take(transaction.master, lock, transaction.key);
    transaction.holds(lock);
    transaction.startSnapshotAt(context.monotonicNanos());
    context.reply(incoming, new DbResult.Rows(
        database.rowsMatching(select.table(), Condition.eq(select.column(), select.value()))));
    startIdleClock(transaction);
  }

  private void startIdleClock(OpenTransaction transaction) {
    transaction.idleClock(context.setTimer("db idle rollback " + transaction.key, options.idleRollbackNanos(), () -> {
      if (open.get(transaction.key) == transaction) {
        context.probe("db.idle-rollback");
        end(transaction);
      }
    }));
  }

  private void commit(Incoming incoming, DbStatement.Commit commit) {
    OpenTransaction transaction = open.get(keyOf(incoming, commit.transaction()));
    if (transaction == null) {
      context.replyError(incoming, TRANSACTION_GONE);
      return;
    }
    transaction.stopIdleClock();
    if (commitBlocked(commit, transaction.master, transaction.key)) {
      park(incoming, commit, transaction.master, transaction.key);
    } else {
      finishCommit(incoming, commit, transaction);
    }
  }

  private boolean commitBlocked(DbStatement.Commit commit, int master, TransactionKey self) {
    return commit.writes().stream().anyMatch(write -> locks.blocks(master, write, self, database));
  }

  /** Certifies the writes against other masters', then applies them and releases the locks. */
  private void finishCommit(Incoming incoming, DbStatement.Commit commit, OpenTransaction transaction) {
    long nowNanos = context.monotonicNanos();
    List<WriteScope.WriteKey> keys = new ArrayList<>();
    if (options.masters() > 1) {
      // Keys cost a scan of the rows each write touches; with one master nothing certifies them.
      commit.writes().forEach(write -> keys.addAll(WriteScope.writeKeys(database, write)));
    }
    if (certifier.conflicts(transaction.master, transaction.snapshotNanosOr(nowNanos), keys)) {
      context.probe("db.certification-failed");
      context.replyError(incoming, DEADLOCK_FOUND + " (certification failed)");
      end(transaction);
      return;
    }
    int changed = 0;
    for (DbStatement write : commit.writes()) {
      DbResult result = database.execute(write, context.localTimeNanos());
      changed += result instanceof DbResult.Count count ? count.count() : 1;
    }
    certifier.record(transaction.master, nowNanos, keys);
    context.reply(incoming, new DbResult.Count(changed));
    end(transaction);
  }

  private void rollback(Incoming incoming, DbStatement.Rollback rollback) {
    TransactionKey key = keyOf(incoming, rollback.transaction());
    OpenTransaction transaction = open.get(key);
    if (transaction != null) {
      end(transaction);
    } else {
      ended.add(key, context.monotonicNanos());
    }
    context.reply(incoming, new DbResult.Count(0));
  }

  /**
   * Ends a transaction however it ended: a statement of it still waiting is answered (its client
   * has closed the connection), its locks are released and whoever waited for them runs.
   */
  private void end(OpenTransaction transaction) {
    open.remove(transaction.key);
    transaction.stopIdleClock();
    for (LockWait wait : List.copyOf(waits)) {
      if (transaction.key.equals(wait.transaction())) {
        waits.remove(wait);
        wait.timeout().cancel();
        context.replyError(wait.incoming(), TRANSACTION_GONE);
      }
    }
    transaction.locks().forEach(lock -> locks.release(transaction.master, lock, transaction.key));
    ended.add(transaction.key, context.monotonicNanos());
    wakeWaiters();
  }

  private void park(Incoming incoming, DbStatement statement, int master, TransactionKey transaction) {
    context.probe("db.row-lock-waited");
    TimerHandle timeout = context.setTimer("db lock wait " + statement.getClass().getSimpleName(),
        options.lockWaitTimeoutNanos(), () -> lockWaitTimedOut(incoming));
    waits.add(new LockWait(incoming, statement, master, transaction, timeout));
  }

  /**
   * InnoDB answers 1205, which oslo.db reports as a deadlock. It would roll back only the
   * statement, but the client rolls the whole transaction back on any error, so the server ends
   * it here and spares the message.
   */
  private void lockWaitTimedOut(Incoming incoming) {
    LockWait wait = waits.stream().filter(candidate -> candidate.incoming().equals(incoming)).findFirst().orElse(null);
    if (wait == null) {
      return;
    }
    waits.remove(wait);
    context.probe("db.lock-wait-timeout");
    context.replyError(incoming, LOCK_WAIT_TIMEOUT);
    OpenTransaction transaction = wait.transaction() == null ? null : open.get(wait.transaction());
    if (transaction != null) {
      end(transaction);
    }
  }

  /** Runs, in arrival order, every parked statement no lock holds back any more. */
  private void wakeWaiters() {
    if (waking) {
      wakeAgain = true;
      return;
    }
    waking = true;
    try {
      do {
        wakeAgain = false;
        for (LockWait wait : List.copyOf(waits)) {
          if (waits.contains(wait) && !stillBlocked(wait)) {
            waits.remove(wait);
            wait.timeout().cancel();
            resume(wait);
          }
        }
      } while (wakeAgain);
    } finally {
      waking = false;
    }
  }

  private boolean stillBlocked(LockWait wait) {
    if (wait.statement() instanceof DbStatement.LockingSelect select) {
      return locks.heldByOther(wait.master(), RowLocks.LockKey.of(select.table(), select.column(), select.value()),
          wait.transaction());
    }
    if (wait.statement() instanceof DbStatement.Commit commit) {
      return commitBlocked(commit, wait.master(), wait.transaction());
    }
    return locks.blocks(wait.master(), wait.statement(), null, database);
  }

  private void resume(LockWait wait) {
    if (wait.statement() instanceof DbStatement.LockingSelect select) {
      grant(wait.incoming(), select, open.get(wait.transaction()));
    } else if (wait.statement() instanceof DbStatement.Commit commit) {
      finishCommit(wait.incoming(), commit, open.get(wait.transaction()));
    } else {
      autocommit(wait.incoming(), wait.statement(), wait.master());
    }
  }
}
