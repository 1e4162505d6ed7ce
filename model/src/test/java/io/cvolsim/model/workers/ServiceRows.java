package io.cvolsim.model.workers;

import io.cvolsim.model.db.Row;

/** Services and clusters rows for routing and liveness tests. */
final class ServiceRows {
  private ServiceRows() {}

  static Row volumeService(long id, String host, String cluster, long lastHeartbeatNanos) {
    return Row.of(Row.values("id", id, "host", host, "binary", ServiceColumns.VOLUME_BINARY,
        "cluster_name", cluster, "disabled", false, "deleted", false, "created_at", 0L,
        "updated_at", lastHeartbeatNanos));
  }

  static Row scheduler(long id, String host, long lastHeartbeatNanos) {
    return Row.of(Row.values("id", id, "host", host, "binary", ServiceColumns.SCHEDULER_BINARY,
        "disabled", false, "deleted", false, "created_at", 0L, "updated_at", lastHeartbeatNanos));
  }

  static Row cluster(String name, boolean disabled) {
    return Row.of(Row.values("id", 1L, "name", name, "binary", ServiceColumns.VOLUME_BINARY,
        "disabled", disabled, "deleted", false, "race_preventer", 0L));
  }
}
