package io.cvolsim.model.db;

import io.cvolsim.kernel.api.NodeId;
import java.util.TreeMap;

/**
 * Which master a client's connections reach: round robin in the order the server first hears
 * from each client, as a load balancer that spreads new clients would. Deterministic, and
 * nothing is recorded when there is one master.
 */
final class MasterAssignment {
  private final int masters;
  private final TreeMap<NodeId, Integer> assigned = new TreeMap<>();

  MasterAssignment(int masters) {
    this.masters = masters;
  }

  int masterOf(NodeId client) {
    if (masters == 1) {
      return 0;
    }
    return assigned.computeIfAbsent(client, newcomer -> assigned.size() % masters);
  }
}
