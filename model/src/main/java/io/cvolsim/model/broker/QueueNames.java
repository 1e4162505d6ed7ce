package io.cvolsim.model.broker;

import java.util.List;

/**
 * Cinder's service and queue names (reference §1 "Naming" and §4.2) [code
 * cinder/volume/volume_utils.py, cinder/volume/rpcapi.py]. A topic here is the queue a consumer
 * subscribes to; oslo's per-server direct queue ({@code topic.server}) is folded into it, since
 * every member of a cluster subscribes to the same topic and server and so competes on it either
 * way.
 */
public final class QueueNames {
  /** The scheduler's shared topic: every scheduler competes on it. */
  public static final String SCHEDULER_TOPIC = "cinder-scheduler";
  /** The prefix of every volume-service topic. */
  public static final String VOLUME_TOPIC = "cinder-volume";
  /** What {@code extract_host(x, 'pool', default_pool_name=True)} answers when x has no pool. */
  public static final String DEFAULT_POOL_NAME = "_pool0";

  private QueueNames() {}

  /** The service host string {@code host@backend}. */
  public static String serviceHost(String host, String backend) {
    return requireName("host", host) + "@" + requireName("backend", backend);
  }

  /**
   * The service's cluster name {@code cluster@backend}. Cinder strips the option and treats an
   * empty value as "not clustered", so a blank cluster is refused here.
   */
  public static String clusterName(String cluster, String backend) {
    return requireName("cluster", cluster.strip()) + "@" + requireName("backend", backend);
  }

  /** A resource's host or cluster with its pool: {@code host@backend#pool} ({@code append_host}). */
  public static String appendPool(String hostOrCluster, String pool) {
    if (hostOrCluster == null || hostOrCluster.isEmpty() || pool == null || pool.isEmpty()) {
      return hostOrCluster;
    }
    return hostOrCluster + "#" + pool;
  }

  /**
   * Cinder's {@code extract_host}: splits on {@code @} and {@code #}. The pool level answers null
   * when the string has no pool (or more than one {@code #}).
   */
  public static String extractHost(String host, HostLevel level) {
    if (host == null) {
      throw new IllegalArgumentException("volume is not assigned to a host");
    }
    String withoutPool = host.split("#", -1)[0];
    if (level == HostLevel.HOST) {
      return withoutPool.split("@", -1)[0];
    }
    if (level == HostLevel.BACKEND) {
      return withoutPool;
    }
    String[] parts = host.split("#", -1);
    return parts.length == 2 ? parts[1] : null;
  }

  /** The pool, or {@link #DEFAULT_POOL_NAME} when there is none. */
  public static String extractPoolOrDefault(String host) {
    String pool = extractHost(host, HostLevel.POOL);
    return pool == null ? DEFAULT_POOL_NAME : pool;
  }

  /** {@code service_topic_queue}: the cluster name when the resource is clustered, else its host. */
  public static String serviceTopicQueue(String clusterName, String host) {
    return clusterName != null ? clusterName : host;
  }

  /**
   * The volume topic a caller casts to for a resource's {@code service_topic_queue}:
   * {@code cinder-volume.<extract_host(x)>}. It is also the topic each c-vol subscribes to with its
   * own {@code host@backend} and, when clustered, its {@code cluster@backend}.
   */
  public static String volumeTopic(String hostOrCluster) {
    return VOLUME_TOPIC + "." + extractHost(hostOrCluster, HostLevel.BACKEND);
  }

  /**
   * The topics one c-vol process consumes (reference §4.2): its own {@code host@backend} and, when
   * clustered, its {@code cluster@backend}, on which it competes with the other members. oslo's
   * legacy server (topic {@code cinder-volume}, server {@code host@backend}) reads a direct queue of
   * the same name as the first, so it adds nothing here; the shared legacy {@code cinder-volume}
   * queue serves only callers pinned below RPC 3.6 and is left out.
   *
   * @param clusterOrNull the {@code cluster} option, or null when the service is not clustered
   */
  public static List<String> volumeServiceTopics(String host, String backend, String clusterOrNull) {
    String hostTopic = volumeTopic(serviceHost(host, backend));
    if (clusterOrNull == null || clusterOrNull.isBlank()) {
      return List.of(hostTopic);
    }
    String clusterTopic = volumeTopic(clusterName(clusterOrNull, backend));
    // The docs forbid a cluster named like a host, but nothing refuses it: the queues collide.
    return clusterTopic.equals(hostTopic) ? List.of(hostTopic) : List.of(hostTopic, clusterTopic);
  }

  private static String requireName(String what, String value) {
    if (value == null || value.isEmpty() || value.contains("@") || value.contains("#")) {
      throw new IllegalArgumentException(what + " must be non-empty without '@' or '#': '" + value + "'");
    }
    return value;
  }
}
