package io.cvolsim.scenarios.slice;

import io.cvolsim.kernel.api.NodeId;
import java.util.ArrayList;
import java.util.List;

/** The names of the first slice's nodes. */
public record SliceTopology(NodeId database, List<NodeId> apiNodes, NodeId volumeService,
    List<NodeId> clients) {

  public static SliceTopology of(int apiNodeCount, int clientCount) {
    return new SliceTopology(NodeId.of("db"), numbered("api-", apiNodeCount),
        NodeId.of("c-vol-standin"), numbered("client-", clientCount));
  }

  private static List<NodeId> numbered(String prefix, int count) {
    List<NodeId> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ids.add(NodeId.of(prefix + i));
    }
    return List.copyOf(ids);
  }
}
