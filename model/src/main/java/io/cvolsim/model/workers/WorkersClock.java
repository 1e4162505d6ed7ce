package io.cvolsim.model.workers;

import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.db.DbClient;

/**
 * Whose clock stamps workers rows and bounds a cleanup's {@code until} (reference §5.2, §5.4).
 * Cinder uses the writer's: a node whose clock runs ahead stamps rows that a cleanup bounded by a
 * slower clock never selects, so a restarted node can start consuming while rows of its previous
 * life are still its own (L2). Not one of the reference's V1–V21: found by this harness.
 */
public enum WorkersClock {
  /** {@code timeutils.utcnow()} of whichever process writes or cleans: Cinder today. */
  WRITER("writer"),
  /** The database server's clock, read before each write and each cleanup: one clock for every row. */
  DB_SERVER("db-server");

  private final String optionValue;

  WorkersClock(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }

  /** Now on this clock; the database's costs a statement, which fails when the database is out of reach. */
  public SimFuture<Long> now(NodeContext context, DbClient db) {
    return this == WRITER ? SimFuture.succeeded(context.localTimeNanos()) : db.databaseTime();
  }
}
