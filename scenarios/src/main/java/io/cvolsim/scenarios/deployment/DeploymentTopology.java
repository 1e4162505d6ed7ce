package io.cvolsim.scenarios.deployment;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.dlm.CoordinationBackend;
import java.util.ArrayList;
import java.util.List;

/** The nodes of a full deployment: infrastructure, schedulers, one c-vol cluster, API nodes, clients. */
public record DeploymentTopology(NodeId database, NodeId broker, NodeId storage, NodeId coordination,
    List<NodeId> schedulers, List<NodeId> volumeNodes, List<NodeId> apiNodes, List<NodeId> clients,
    NodeId admin) {
  public static final String BACKEND = "lvm";
  public static final String CLUSTER = "cluster1";
  /** The one {@code host} every c-vol uses under V5's shared naming. */
  public static final String SHARED_HOST = "cinder-volume-host";

  public static DeploymentTopology of(int schedulers, int volumeNodes, int apiNodes, int clients,
      CoordinationBackend backend) {
    NodeId coordination = NodeId.of(backend == CoordinationBackend.ZOOKEEPER ? "zookeeper" : "etcd");
    return new DeploymentTopology(NodeId.of("db"), NodeId.of("broker"), NodeId.of("storage"), coordination,
        numbered("sch-", schedulers), numbered("c-vol-", volumeNodes), numbered("api-", apiNodes),
        numbered("client-", clients), NodeId.of("admin"));
  }

  static List<NodeId> numbered(String prefix, int count) {
    List<NodeId> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ids.add(NodeId.of(prefix + i));
    }
    return List.copyOf(ids);
  }

  /** Every Cinder service process (what faults target). */
  public List<NodeId> services() {
    List<NodeId> services = new ArrayList<>(schedulers);
    services.addAll(volumeNodes);
    services.addAll(apiNodes);
    return services;
  }
}
