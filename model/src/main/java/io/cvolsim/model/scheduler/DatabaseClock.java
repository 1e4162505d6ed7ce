package io.cvolsim.model.scheduler;

import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.config.CapabilityStamping;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.workers.IsUpClock;
import io.cvolsim.model.workers.WorkersClock;

/**
 * The database server's clock as the scheduler last read it, for judging liveness by one clock
 * for everybody (V17's db-server rule, with heartbeats stamped by the database too), and for
 * dating placements against reports the database stamped ({@code capability_stamp=database}), and
 * for bounding automatic cleanups by the clock that stamped the workers rows ({@code
 * workers.clock=db-server}). Otherwise it is never read and never refreshed.
 */
final class DatabaseClock {
  private final DbClient db;
  private final boolean stampsReports;
  private final boolean boundsCleanups;
  private final boolean used;
  private long lastReadNanos;

  DatabaseClock(DbClient db, IsUpClock rule, CapabilityStamping stamping, WorkersClock workersClock) {
    this.db = db;
    this.stampsReports = stamping == CapabilityStamping.DATABASE;
    this.boundsCleanups = workersClock == WorkersClock.DB_SERVER;
    this.used = rule == IsUpClock.DB_SERVER || stampsReports || boundsCleanups;
  }

  /** Whether workers rows carry the database's clock, so an automatic cleanup is bounded by it too. */
  boolean boundsCleanups() {
    return boundsCleanups;
  }

  /** Whether capability reports carry the database's clock, so placements are dated by it too. */
  boolean stampsReports() {
    return stampsReports;
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
