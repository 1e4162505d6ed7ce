package io.cvolsim.scenarios.properties;

import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.workers.ResourceType;
import io.cvolsim.model.workers.WorkerColumns;
import io.cvolsim.model.workers.WorkerEntry;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * S7 worker-row invariants (reference §8, §5.2, §5.3), judged on the database at the end: (a)
 * at most one row per resource, the table's unique key; (c) at quiescence no row still flags
 * work, i.e. no row names a service and the status its resource still has. Rows that cleanup
 * would delete on sight are caveats, not violations: the resource is gone or has moved on to
 * another status (stale rows such as reset-state's O2 or the keep-entry leak O1). A row with a
 * NULL service_id is caveat O3: no cleanup can ever select it (L1 reports the stuck resource).
 * Exercised when the run wrote any workers row.
 */
public final class WorkerRowsProperty {
  public static final String NAME = "S7 worker rows";
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.ALWAYS);

  private WorkerRowsProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    return check(artifacts.databaseAtEnd(), !artifacts.workers().events().isEmpty());
  }

  static PropertyResult check(Map<String, List<Row>> database, boolean anyWorkerEvents) {
    List<WorkerEntry> rows = database.getOrDefault(Database.WORKERS, List.of()).stream().map(WorkerEntry::of)
        .filter(row -> !WorkerColumns.SENTINEL.equals(row.resourceType())).toList();
    if (rows.isEmpty() && !anyWorkerEvents) {
      return VERDICTS.notExercised("no workers row was ever written");
    }
    List<String> witness = new ArrayList<>();
    SortedMap<String, List<Long>> idsByResource = new TreeMap<>();
    rows.forEach(row -> idsByResource.computeIfAbsent(row.resourceType() + " " + row.resourceId(),
        key -> new ArrayList<>()).add(row.id()));
    idsByResource.forEach((resource, ids) -> {
      if (ids.size() > 1) {
        witness.add("(a) " + ids.size() + " rows for " + resource + ": ids " + ids);
      }
    });
    List<String> caveats = new ArrayList<>();
    for (WorkerEntry row : rows) {
      String problem = leftoverProblem(row, database);
      (problem.startsWith("caveat") ? caveats : witness).add(problem + ": " + row);
    }
    if (!witness.isEmpty()) {
      witness.addAll(caveats);
      return VERDICTS.violated(witness.size() - caveats.size() + " workers-row violations", witness);
    }
    return VERDICTS.holds(rows.size() + " rows left at the end, all harmless", caveats);
  }

  /** Why a row is still there at the end: a caveat, or "(c) ..." when it still flags work. */
  private static String leftoverProblem(WorkerEntry row, Map<String, List<Row>> database) {
    if (row.serviceId() == null) {
      return "caveat O3: NULL service_id, invisible to every cleanup";
    }
    Row resource = resource(row, database);
    if (resource == null || resource.isTrue("deleted")) {
      return "caveat: resource gone, cleanup deletes the row on sight";
    }
    if (!row.status().equals(resource.string("status"))) {
      return "caveat: stale row (resource is " + resource.string("status") + "), cleanup deletes it on sight";
    }
    return "(c) still flags " + row.status() + " work of service " + row.serviceId() + " at the end";
  }

  private static Row resource(WorkerEntry row, Map<String, List<Row>> database) {
    ResourceType type = ResourceType.fromDbName(row.resourceType());
    if (type == null) {
      return null;
    }
    for (Row candidate : database.getOrDefault(type.table(), List.of())) {
      if (row.resourceId().equals(candidate.get("id"))) {
        return candidate;
      }
    }
    return null;
  }
}
