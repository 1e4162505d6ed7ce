package io.cvolsim.scenarios.swarm;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.scenarios.deployment.DlmSilenceBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the swarm nemesis may aim at and when.
 *
 * @param coordination the DLM node, absent for back-ends without one (file locks, workers-table locks)
 * @param volumeSlots how many volume slots clients use (the admin picks ids from the same slots)
 * @param faultWindowEndNanos faults start before this true time; the heal phase follows it
 * @param pauseMaxNanos the longest stall (nemesis.pause_max): a longer drawn pause is cut to it
 * @param dlmSilences keeps stalls, cuts from the DLM and splits within nemesis.dlm_silence_max
 * @param forcedCleanups whether a workers cleanup may pass is_up=true (nemesis.forced_cleanups)
 */
public record SwarmTargets(List<NodeId> volumeNodes, List<NodeId> services, NodeId database, NodeId broker,
    NodeId storage, Optional<NodeId> coordination, List<NodeId> apiNodes, int volumeSlots,
    long faultWindowEndNanos, long serviceDownTimeNanos, long pauseMaxNanos, DlmSilenceBudget dlmSilences,
    boolean forcedCleanups) {
  public SwarmTargets {
    volumeNodes = List.copyOf(volumeNodes);
    services = List.copyOf(services);
    apiNodes = List.copyOf(apiNodes);
    if (volumeNodes.isEmpty() || apiNodes.isEmpty() || volumeSlots < 1) {
      throw new IllegalArgumentException("the swarm needs c-vol nodes, API nodes and volume slots");
    }
  }

  /** Every node a split may put on either side: the services and the infrastructure. */
  public List<NodeId> splittable() {
    List<NodeId> nodes = new ArrayList<>(services);
    nodes.addAll(infrastructure());
    return List.copyOf(nodes);
  }

  /** The database, broker, array and DLM (when there is one). */
  public List<NodeId> infrastructure() {
    List<NodeId> nodes = new ArrayList<>(List.of(database, broker, storage));
    coordination.ifPresent(nodes::add);
    return List.copyOf(nodes);
  }
}
