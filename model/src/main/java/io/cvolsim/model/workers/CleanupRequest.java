package io.cvolsim.model.workers;

/**
 * Cinder's {@code CleanupRequest} (reference §5.6, cinder/objects/cleanup_request.py): the
 * filters of {@code POST /workers/cleanup} and, once the scheduler has routed it, the one service
 * whose rows to clean. A null field is "not given" and filters nothing.
 *
 * @param isUp which services to clean: false (the default) only those that are down, true only
 *     those that are up ("only if you know what you are doing")
 * @param untilNanos rows updated after this are left alone; null means "now" on the clock of
 *     whoever reads the request first
 */
public record CleanupRequest(Long serviceId, String clusterName, String host, String binary,
    boolean isUp, Boolean disabled, ResourceType resourceType, String resourceId, Long untilNanos) {

  /** No filters: every down service. */
  public static CleanupRequest allDown() {
    return new CleanupRequest(null, null, null, null, false, null, null, null, null);
  }

  /** A node's own startup cleanup ({@code init_host}): its rows, until its clock's now. */
  public static CleanupRequest forService(long serviceId) {
    return allDown().withServiceId(serviceId);
  }

  public CleanupRequest withServiceId(Long id) {
    return new CleanupRequest(id, clusterName, host, binary, isUp, disabled, resourceType, resourceId, untilNanos);
  }

  public CleanupRequest withClusterName(String name) {
    return new CleanupRequest(serviceId, name, host, binary, isUp, disabled, resourceType, resourceId, untilNanos);
  }

  public CleanupRequest withHost(String newHost) {
    return new CleanupRequest(serviceId, clusterName, newHost, binary, isUp, disabled, resourceType,
        resourceId, untilNanos);
  }

  public CleanupRequest withBinary(String newBinary) {
    return new CleanupRequest(serviceId, clusterName, host, newBinary, isUp, disabled, resourceType,
        resourceId, untilNanos);
  }

  public CleanupRequest withIsUp(boolean up) {
    return new CleanupRequest(serviceId, clusterName, host, binary, up, disabled, resourceType, resourceId, untilNanos);
  }

  public CleanupRequest withDisabled(Boolean newDisabled) {
    return new CleanupRequest(serviceId, clusterName, host, binary, isUp, newDisabled, resourceType,
        resourceId, untilNanos);
  }

  public CleanupRequest withResource(ResourceType type, String id) {
    return new CleanupRequest(serviceId, clusterName, host, binary, isUp, disabled, type, id, untilNanos);
  }

  public CleanupRequest withUntilNanos(Long until) {
    return new CleanupRequest(serviceId, clusterName, host, binary, isUp, disabled, resourceType, resourceId, until);
  }
}
