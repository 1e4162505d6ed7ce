package io.cvolsim.model.scheduler;

import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.workers.IsUpClock;

/**
 * The database server's clock as the scheduler last read it, for judging liveness by one clock
 * for everybody (V17's db-server rule, with heartbeats stamped by the database too). Under the
 * other rules it is never read and never refreshed.
 */
final class DatabaseClock {
  private final DbClient db;
  private final boolean used;
  private long lastReadNanos;

  DatabaseClock(DbClient db, IsUpClock rule) {
    this.db = db;
    this.used = rule == IsUpClock.DB_SERVER;
  }

  /** Reads the database's clock again, when the rule needs it; before every liveness decision. */
  SimFuture<Void> refresh() {
    if (!used) {
      return SimFuture.succeeded(null);
    }
    return db.databaseTime().map(nanos -> {
      lastReadNanos = nanos;
      return null;
    });
  }

  long lastReadNanos() {
    return lastReadNanos;
  }
}
