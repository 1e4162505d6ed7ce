package io.cvolsim.scenarios.properties;

import static io.cvolsim.kernel.api.Durations.seconds;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DatabaseNode;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.db.DbStatement;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.workers.Cleaner;
import io.cvolsim.model.workers.CleanupAction;
import io.cvolsim.model.workers.CleanupClaim;
import io.cvolsim.model.workers.CleanupRequest;
import io.cvolsim.model.workers.StandardCleanupActions;
import io.cvolsim.model.workers.WorkerEntry;
import io.cvolsim.model.workers.WorkerLog;
import io.cvolsim.model.workers.WorkersOptions;
import io.cvolsim.kernel.api.SimFuture;

/**
 * The database and real cleaners of a dead service's workers rows: the workers log and the
 * database they leave are what the cleanup properties read. Cleaners run Cinder's volume-service
 * cleanup actions (creating to error by a blind save) with a driver that does nothing.
 */
final class CleanupScript {
  static final NodeId DATABASE = NodeId.of("db");
  static final long DEAD_SERVICE = 10;

  final TestWorld world = new TestWorld(5);
  final Database database = new Database();
  final WorkerLog log = new WorkerLog(world.simulation::nowNanos);
  private final WorkersOptions options;

  CleanupScript(CleanupClaim claim) {
    options = WorkersOptions.cinderToday().withClaim(claim);
    world.simulation.addNode(DATABASE, context -> new DatabaseNode(context, database));
  }

  /** A volume in {@code status} and the dead service's row for it, last touched at {@code updatedAtNanos}. */
  CleanupScript volumeWithRow(String volumeId, String status, long updatedAtNanos) {
    insert(Database.VOLUMES, "id", volumeId, "status", status, "deleted", false);
    insert(Database.WORKERS, "resource_type", "Volume", "resource_id", volumeId, "status", status,
        "service_id", DEAD_SERVICE, "race_preventer", 0L, "created_at", updatedAtNanos,
        "updated_at", updatedAtNanos, "deleted", false);
    return this;
  }

  private void insert(String table, Object... columns) {
    database.execute(new DbStatement.Insert(table, Row.of(Row.values(columns))));
  }

  /** Node {@code node} (service {@code serviceId}) cleans the dead service at {@code trueNanos}. */
  CleanupScript cleanAt(long trueNanos, String node, long serviceId, Long untilNanos) {
    world.passiveNode(node);
    world.at(trueNanos, node + " cleans", () -> cleaner(node, serviceId)
        .doCleanup(CleanupRequest.forService(DEAD_SERVICE).withUntilNanos(untilNanos)));
    return this;
  }

  private Cleaner cleaner(String node, long serviceId) {
    DbClient db = new DbClient(world.context(node), DATABASE, seconds(10));
    CleanupAction action = StandardCleanupActions.volumeService(db, new StandardCleanupActions.VolumeHooks() {
      @Override
      public SimFuture<Void> clearDownload(Row volume) {
        return SimFuture.succeeded(null);
      }

      @Override
      public SimFuture<Void> deleteVolume(Row volume, WorkerEntry claimed) {
        return SimFuture.succeeded(null);
      }
    });
    return new Cleaner(world.context(node), db, options, log, serviceId, action);
  }

  CleanupScript run() {
    world.runUntil(seconds(30));
    return this;
  }
}
