package io.cvolsim.scenarios.properties;

import io.cvolsim.checker.history.History;
import io.cvolsim.checker.history.Operation;
import io.cvolsim.checker.history.OperationType;
import io.cvolsim.model.broker.MessageFate;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.workers.ResourceType;
import io.cvolsim.model.workers.WorkerEntry;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * L1 eventual finality (reference §8), judged on the database at the end of the run (after
 * healing and quiescence): every volume that is not deleted is at rest (available, in-use,
 * error*, awaiting-transfer) and not migrating. A stuck volume is explained, and listed as a
 * caveat, when (1) its status has no crash recovery (extending, retyping, attaching, detaching,
 * reserved, maintenance, a migration, ...: §2.5); (2) its workers row has a NULL service_id, so
 * no cleanup can select it (O3); or (3) a job was lost after the ack (§4.2) or with a restarted
 * broker. The broker log does not name a message's volume, so each lost job explains at most
 * one otherwise unexplained stuck volume in a cleanable status; or (4) it was never accepted: a
 * creating volume with no host and no workers row whose create no client saw accepted (the API
 * failed after writing the row), or a deleting volume with no workers row whose delete no client
 * saw accepted (the API failed between its conditional update and create_worker, as Cinder's
 * delete does not revert the status). The rest are violations.
 * Exercised when the database holds any volume.
 */
public final class EventualFinalityProperty {
  public static final String NAME = "L1 eventual finality";
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.EVENTUALLY);

  private EventualFinalityProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    List<Long> lost = new ArrayList<>(artifacts.broker().withFate(MessageFate.LOST));
    lost.addAll(artifacts.broker().withFate(MessageFate.LOST_WITH_BROKER));
    return check(artifacts.databaseAtEnd(), lost, acknowledged(artifacts.history(), List.of("create")),
        acknowledged(artifacts.history(), List.of("delete", "force-delete")));
  }

  static PropertyResult check(Map<String, List<Row>> database, List<Long> lostMessageIds) {
    return check(database, lostMessageIds, null, null);
  }

  static PropertyResult check(Map<String, List<Row>> database, List<Long> lostMessageIds,
      List<String> acknowledgedCreates) {
    return check(database, lostMessageIds, acknowledgedCreates, null);
  }

  /**
   * {@code acknowledgedCreates} and {@code acknowledgedDeletes}: the volumes whose create or delete
   * a client saw accepted; null when the run has no history to tell.
   */
  static PropertyResult check(Map<String, List<Row>> database, List<Long> lostMessageIds,
      List<String> acknowledgedCreates, List<String> acknowledgedDeletes) {
    List<Row> volumes = database.getOrDefault(Database.VOLUMES, List.of());
    if (volumes.isEmpty()) {
      return VERDICTS.notExercised("no volume was created");
    }
    List<String> caveats = new ArrayList<>();
    List<String> witness = new ArrayList<>();
    int lostLeft = lostMessageIds.size();
    for (Row volume : volumes) {
      String status = volume.string("status");
      boolean migrating = VolumeStatuses.isMigrating(volume.string("migration_status"));
      if (volume.isTrue("deleted") || VolumeStatuses.isRest(status) && !migrating) {
        continue;
      }
      String stuck = volume.string("id") + " stuck in " + status
          + (migrating ? " (migration_status " + volume.string("migration_status") + ")" : "");
      if (migrating || !VolumeStatuses.CLEANABLE.contains(status)) {
        caveats.add("caveat: " + stuck + ", a status with no crash recovery");
      } else if (acknowledgedCreates != null && strandedByTheApi(volume, database, acknowledgedCreates)) {
        caveats.add("caveat: " + stuck + ", its create was never accepted: the API failed mid-request after "
            + "writing the row and before handing the create on (no host, no workers row); only a live API's "
            + "create flow reverts that");
      } else if (acknowledgedDeletes != null && deleteStrandedByTheApi(volume, database, acknowledgedDeletes)) {
        caveats.add("caveat: " + stuck + ", its delete was never accepted: the API failed after its conditional "
            + "update and before create_worker (no workers row, no job); Cinder does not revert the status");
      } else if (hasUnclaimedRow(volume.string("id"), database)) {
        caveats.add("caveat O3: " + stuck + ", its workers row has a NULL service_id");
      } else if (lostLeft > 0) {
        lostLeft--;
        caveats.add("caveat: " + stuck + ", possibly a job lost after the ack (lost messages " + lostMessageIds + ")");
      } else {
        witness.add(stuck + ", unexplained");
      }
    }
    int stuckCount = caveats.size() + witness.size();
    if (!witness.isEmpty()) {
      witness.addAll(caveats);
      return VERDICTS.violated(stuckCount + " of " + volumes.size() + " volumes stuck, "
          + (stuckCount - caveats.size()) + " unexplained", witness);
    }
    String summary = stuckCount == 0 ? volumes.size() + " volumes, all at rest"
        : stuckCount + " of " + volumes.size() + " volumes stuck, all explained by caveats";
    return VERDICTS.holds(summary, caveats);
  }

  /**
   * Not an accepted operation (L1 judges those): a creating volume the scheduler never placed,
   * with no workers row, whose create no client saw accepted.
   */
  private static boolean strandedByTheApi(Row volume, Map<String, List<Row>> database, List<String> acknowledged) {
    String id = volume.string("id");
    return "creating".equals(volume.string("status")) && volume.get("host") == null && !acknowledged.contains(id)
        && workersRowsOf(id, database).isEmpty();
  }

  /** Not an accepted operation either: a deleting volume with no workers row whose delete no client saw accepted. */
  private static boolean deleteStrandedByTheApi(Row volume, Map<String, List<Row>> database, List<String> acknowledged) {
    String id = volume.string("id");
    return "deleting".equals(volume.string("status")) && !acknowledged.contains(id)
        && workersRowsOf(id, database).isEmpty();
  }

  private static List<String> acknowledged(History history, List<String> functions) {
    List<String> ids = new ArrayList<>();
    for (Operation operation : history.operations()) {
      if (operation.type() == OperationType.OK && functions.contains(operation.f())
          && operation.value() instanceof Map<?, ?> value && value.get("volume") instanceof String id) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static boolean hasUnclaimedRow(String volumeId, Map<String, List<Row>> database) {
    return workersRowsOf(volumeId, database).stream().anyMatch(row -> row.serviceId() == null);
  }

  private static List<WorkerEntry> workersRowsOf(String volumeId, Map<String, List<Row>> database) {
    return database.getOrDefault(Database.WORKERS, List.of()).stream().map(WorkerEntry::of)
        .filter(row -> ResourceType.VOLUME.dbName().equals(row.resourceType()) && volumeId.equals(row.resourceId()))
        .toList();
  }
}
