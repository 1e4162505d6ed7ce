package io.cvolsim.model.workers;

import io.cvolsim.model.db.Row;
import java.util.List;
import java.util.Objects;

/** The services query behind {@code work_cleanup} ({@code _service_query} in cinder/db). */
final class ServiceFilter {
  private ServiceFilter() {}

  static boolean matches(CleanupRequest request, Row service, List<Row> clusters, long nowNanos,
      ServiceLiveness liveness) {
    if (service.isTrue(ServiceColumns.DELETED)) {
      return false;
    }
    if (request.serviceId() != null && request.serviceId() != service.longValue(ServiceColumns.ID, 0)) {
      return false;
    }
    if (request.clusterName() != null
        && !hostMatches(service.string(ServiceColumns.CLUSTER_NAME), request.clusterName())) {
      return false;
    }
    if (request.host() != null && !hostMatches(service.string(ServiceColumns.HOST), request.host())) {
      return false;
    }
    if (request.binary() != null && !request.binary().equals(service.get(ServiceColumns.BINARY))) {
      return false;
    }
    if (request.disabled() != null && request.disabled() != isDisabled(service, clusters)) {
      return false;
    }
    // is_up always filters: the request defaults to false, "only services that are down".
    return liveness.matchesUpFilter(service, nowNanos) == request.isUp();
  }

  /**
   * {@code _filter_host}: "host" also matches "host@backend" and "host#pool", "host@backend"
   * also matches "host@backend#pool", and a value with a pool matches only itself.
   */
  static boolean hostMatches(String field, String value) {
    if (field == null) {
      return false;
    }
    if (field.equals(value) || value.contains("#")) {
      return field.equals(value);
    }
    if (field.startsWith(value + "#")) {
      return true;
    }
    return !value.contains("@") && field.startsWith(value + "@");
  }

  /** A clustered service is disabled when its cluster is; the service's own flag is ignored. */
  private static boolean isDisabled(Row service, List<Row> clusters) {
    String clusterName = service.string(ServiceColumns.CLUSTER_NAME);
    if (clusterName == null) {
      return service.isTrue(ServiceColumns.DISABLED);
    }
    for (Row cluster : clusters) {
      if (clusterName.equals(cluster.get(ServiceColumns.NAME))
          && Objects.equals(cluster.get(ServiceColumns.BINARY), service.get(ServiceColumns.BINARY))
          && !cluster.isTrue(ServiceColumns.DELETED) && cluster.isTrue(ServiceColumns.DISABLED)) {
        return true;
      }
    }
    return false;
  }
}
