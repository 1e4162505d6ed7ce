package io.cvolsim.model.scheduler;

import io.cvolsim.kernel.api.Choices;
import io.cvolsim.model.broker.QueueNames;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.workers.ServiceLiveness;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Backend choice (reference §4.3): backends are keyed by cluster when clustered, else by host; a
 * cluster is up when any member is up; only backends that reported capabilities, and (the
 * CapacityFilter) whose known free capacity holds the volume, are candidates.
 */
final class Placement {
  /** A chosen backend: its key (cluster or host), and the volume's new {@code host} and {@code cluster_name}. */
  record Choice(String backend, String host, String clusterName) {}

  private Placement() {}

  /** As Cinder's filters do, with the RetryFilter leaving out the backends in {@code excluded}. */
  static Choice choose(List<Row> services, SortedMap<String, Long> reportedBackends, ServiceLiveness liveness,
      long nowNanos, Choices choices, List<String> excluded, Predicate<String> hasCapacity) {
    SortedMap<String, Row> upBackends = new TreeMap<>();
    for (Row service : services) {
      if (!"cinder-volume".equals(service.get("binary")) || service.isTrue("disabled")) {
        continue;
      }
      String cluster = service.string("cluster_name");
      String backend = cluster != null ? cluster : service.string("host");
      if (reportedBackends.containsKey(backend) && !excluded.contains(backend) && liveness.serviceIsUp(service, nowNanos)) {
        upBackends.putIfAbsent(backend, service);
      }
    }
    upBackends.keySet().removeIf(backend -> !hasCapacity.test(backend));
    if (upBackends.isEmpty()) {
      return null;
    }
    List<String> candidates = new ArrayList<>(upBackends.keySet());
    String backend = choices.oneOf("scheduler.backend", candidates);
    Row member = upBackends.get(backend);
    String cluster = member.string("cluster_name");
    return new Choice(backend, QueueNames.appendPool(member.string("host"), QueueNames.DEFAULT_POOL_NAME),
        cluster == null ? null : QueueNames.appendPool(cluster, QueueNames.DEFAULT_POOL_NAME));
  }
}
