package io.cvolsim.model.service;

import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.db.Assignment;
import io.cvolsim.model.db.Condition;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.db.Row;
import java.util.List;
import java.util.SortedMap;

/**
 * The {@code services} row of a process: found by (host, binary) or created, so a restart with
 * the same host reuses the same service id (reference §5.4).
 */
public final class ServiceRows {
  private ServiceRows() {}

  /**
   * The service's row, created when missing ({@code clusterName} may be null) with
   * {@code moreColumns} too (a c-vol's incarnation); a found row is first saved with
   * {@code savedOnStart} when it is not empty, as Cinder's Service.__init__ saves its versions,
   * which stamps updated_at. Answers the row as read.
   */
  public static SimFuture<Row> findOrCreate(DbClient db, String host, String binary, String clusterName,
      long nowNanos, SortedMap<String, Object> moreColumns, List<Assignment> savedOnStart) {
    Condition key = Condition.all(Condition.eq("host", host), Condition.eq("binary", binary));
    return db.select(Database.SERVICES, key).flatMap(rows -> {
      if (!rows.isEmpty()) {
        return savedOnStart.isEmpty() ? SimFuture.succeeded(rows.get(0))
            : db.updateOnce(Database.SERVICES, Condition.eq("id", rows.get(0).get("id")), savedOnStart)
                .map(count -> rows.get(0));
      }
      SortedMap<String, Object> columns = Row.values("host", host, "binary", binary,
          "cluster_name", clusterName, "report_count", 0L, "disabled", false, "deleted", false, "created_at", nowNanos);
      columns.putAll(moreColumns);
      return db.insert(Database.SERVICES, columns)
          .flatMap(inserted -> inserted != null ? SimFuture.succeeded(inserted)
              // Another process with the same host won the insert: share its row (the
              // "same host on all nodes" trap of V5).
              : db.select(Database.SERVICES, key).map(again -> again.get(0)));
    });
  }

  public static SimFuture<List<Row>> all(DbClient db) {
    return db.select(Database.SERVICES, Condition.eq("deleted", false));
  }
}
