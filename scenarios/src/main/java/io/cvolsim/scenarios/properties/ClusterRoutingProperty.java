package io.cvolsim.scenarios.properties;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.model.broker.BrokerEvent;
import io.cvolsim.model.broker.BrokerLogEntry;
import io.cvolsim.model.broker.QueueNames;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * S12 cluster membership and routing (reference §8, §4.2): a job taken from a volume queue runs
 * only on a node the queue belongs to - the member of that cluster, or that host - and only while
 * that node's driver is initialized. A c-vol whose driver never started but consumes anyway is
 * the "black-hole member": every job it takes fails (volume.uninitialized_driver=consume, as
 * Cinder). Judged at every dispatch of a volume job, from the broker log and the service log;
 * exercised when some volume job was dispatched.
 */
public final class ClusterRoutingProperty {
  public static final String NAME = "S12 cluster membership and routing";
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.ALWAYS);
  private static final String VOLUME_TOPIC_PREFIX = QueueNames.VOLUME_TOPIC + ".";
  private static final int WITNESS_LINES_MAX = 10;

  private ClusterRoutingProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    return check(artifacts.broker().entries(), artifacts.services().events(),
        artifacts.databaseAtEnd().getOrDefault(Database.SERVICES, List.of()));
  }

  static PropertyResult check(List<BrokerLogEntry> broker, List<ServiceLog.Event> services, List<Row> serviceRows) {
    Map<String, String> clusterOfHost = new TreeMap<>();
    serviceRows.forEach(row -> clusterOfHost.put(row.string("host"), row.string("cluster_name")));
    List<String> witness = new ArrayList<>();
    int dispatches = 0;
    int broken = 0;
    for (BrokerLogEntry entry : broker) {
      if (entry.event() != BrokerEvent.DISPATCH_STARTED || !entry.topic().startsWith(VOLUME_TOPIC_PREFIX)) {
        continue;
      }
      dispatches++;
      String node = entry.node().name();
      DriverState state = driverStateAt(node, entry.atNanos(), services);
      String queueOwner = entry.topic().substring(VOLUME_TOPIC_PREFIX.length());
      String problem = !state.started() ? "its driver not initialized"
          : queueOwner.equals(state.serviceHost()) || queueOwner.equals(clusterOfHost.get(state.serviceHost())) ? null
          : "not a member: it is " + state.serviceHost() + " of " + clusterOfHost.get(state.serviceHost());
      if (problem != null) {
        broken++;
        if (witness.size() < WITNESS_LINES_MAX) {
          witness.add(node + " ran message #" + entry.messageId() + " from " + entry.topic() + " at "
              + Durations.formatTimestamp(entry.atNanos()) + " with " + problem);
        }
      }
    }
    if (dispatches == 0) {
      return VERDICTS.notExercised("no volume job was dispatched");
    }
    if (broken > 0) {
      return VERDICTS.violated(broken + " of " + dispatches + " volume jobs ran where they must not", witness);
    }
    return VERDICTS.holds(dispatches + " volume jobs, each on a member of its queue with a working driver");
  }

  /** Whether the node's current process had started its driver at {@code atNanos}, and its host. */
  private record DriverState(boolean started, String serviceHost) {}

  private static DriverState driverStateAt(String node, long atNanos, List<ServiceLog.Event> services) {
    boolean started = false;
    String serviceHost = null;
    for (ServiceLog.Event event : services) {
      if (event.trueTimeNanos() > atNanos) {
        break;
      }
      if (!event.actor().equals(node)) {
        continue;
      }
      switch (event.kind()) {
        case DRIVER_STARTED -> {
          started = true;
          serviceHost = event.serviceHost();
        }
        case DRIVER_UNINITIALIZED -> {
          started = false;
          serviceHost = event.serviceHost();
        }
        // A process that dispatched at t was alive at t: a death stamped the same instant (a
        // self-fence decided after the job, in the same batch of events) came after it.
        case PROCESS_DIED -> started = started && event.trueTimeNanos() == atNanos;
        default -> { }
      }
    }
    return new DriverState(started, serviceHost);
  }
}
