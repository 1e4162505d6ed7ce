package io.cvolsim.model.scheduler;

import io.cvolsim.kernel.api.Choices;
import io.cvolsim.model.broker.QueueNames;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.workers.ServiceLiveness;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Backend choice (reference §4.3): backends are keyed by cluster when clustered, else by host; a
 * cluster is up when any member is up; only backends that reported capabilities are candidates.
 */
final class Placement {
  /** A chosen backend: the volume's new {@code host} and {@code cluster_name}. */
  record Choice(String host, String clusterName) {}

  private Placement() {}

  static Choice choose(List<Row> services, SortedMap<String, Long> reportedBackends, ServiceLiveness liveness,
      long nowNanos, Choices choices) {
    SortedMap<String, Row> upBackends = new TreeMap<>();
    for (Row service : services) {
      if (!"cinder-volume".equals(service.get("binary")) || service.isTrue("disabled")) {
        continue;
      }
      String cluster = service.string("cluster_name");
      String backend = cluster != null ? cluster : service.string("host");
      if (reportedBackends.containsKey(backend) && liveness.serviceIsUp(service, nowNanos)) {
        upBackends.putIfAbsent(backend, service);
      }
    }
    if (upBackends.isEmpty()) {
      return null;
    }
    List<String> candidates = new ArrayList<>(upBackends.keySet());
    Row member = upBackends.get(choices.oneOf("scheduler.backend", candidates));
    String cluster = member.string("cluster_name");
    return new Choice(QueueNames.appendPool(member.string("host"), QueueNames.DEFAULT_POOL_NAME),
        cluster == null ? null : QueueNames.appendPool(cluster, QueueNames.DEFAULT_POOL_NAME));
  }
}
