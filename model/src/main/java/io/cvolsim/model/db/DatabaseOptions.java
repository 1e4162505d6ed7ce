package io.cvolsim.model.db;

import io.cvolsim.kernel.api.Durations;

/**
 * How the database server behaves beyond running statements: how many masters take writes, and
 * the timeouts of its row locks.
 *
 * @param masters writers behind the load balancer: 1 is how HAProxy fronts Galera in most
 *     OpenStack deployments (one node takes every write); more spreads clients over masters,
 *     which certify each other's writes at commit
 * @param replicationDelayNanos how long a master takes to apply a write committed on another
 *     (only read when {@code masters > 1})
 * @param lockWaitTimeoutNanos how long a statement waits for a row lock before failing
 *     (InnoDB's innodb_lock_wait_timeout)
 * @param idleRollbackNanos how long an open transaction may sit without a statement from its
 *     client before the server rolls it back
 */
public record DatabaseOptions(int masters, long replicationDelayNanos, long lockWaitTimeoutNanos,
    long idleRollbackNanos) {

  /** InnoDB's default innodb_lock_wait_timeout. */
  public static final long LOCK_WAIT_TIMEOUT_NANOS = Durations.seconds(50);

  /**
   * The server notices that a transaction's client is gone. A client that times out closes its
   * connection (the pool drops it) and the server rolls back on the close, which {@link DbClient}
   * sends as a ROLLBACK; this timeout covers a close that never arrives (a cut link, a lost
   * message). MySQL's own wait_timeout (8 h) or TCP keepalive (2 h) would leave the row locked
   * for the rest of any run; 30 s is far longer than the gap between two statements of a live
   * transaction (two network hops) and short enough that a volume locked by a dead client
   * frees within a fault window.
   */
  public static final long IDLE_ROLLBACK_NANOS = Durations.seconds(30);

  /**
   * Galera replicates a write set synchronously at commit but other masters apply it a little
   * later; on a LAN under load that lag is a few milliseconds.
   */
  public static final long REPLICATION_DELAY_NANOS = Durations.millis(5);

  public DatabaseOptions {
    if (masters < 1) {
      throw new IllegalArgumentException("a database needs at least one master, not " + masters);
    }
    if (replicationDelayNanos < 0 || lockWaitTimeoutNanos <= 0 || idleRollbackNanos <= 0) {
      throw new IllegalArgumentException("bad database timeouts: " + replicationDelayNanos + ", "
          + lockWaitTimeoutNanos + ", " + idleRollbackNanos);
    }
  }

  /** One writer: what every run had before multi-master was modelled. */
  public static DatabaseOptions singleMaster() {
    return masters(1, REPLICATION_DELAY_NANOS);
  }

  /** {@code masters} writers with InnoDB's lock timeouts. */
  public static DatabaseOptions masters(int masters, long replicationDelayNanos) {
    return new DatabaseOptions(masters, replicationDelayNanos, LOCK_WAIT_TIMEOUT_NANOS, IDLE_ROLLBACK_NANOS);
  }
}
