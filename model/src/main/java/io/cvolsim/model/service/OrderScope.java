package io.cvolsim.model.service;

import io.cvolsim.model.workers.CleanupRequest;
import java.util.Optional;

/**
 * Which of a service's workers rows a cleanup order covers: all of them, or only those of one
 * resource type or one resource (a workers cleanup given {@code resource_type} or
 * {@code resource_id}, reference §5.5).
 */
public record OrderScope(Optional<String> resourceType, Optional<String> resourceId) {
  public static final OrderScope WHOLE_SERVICE = new OrderScope(Optional.empty(), Optional.empty());

  public static OrderScope of(CleanupRequest request) {
    return new OrderScope(Optional.ofNullable(request.resourceType()).map(type -> type.dbName()),
        Optional.ofNullable(request.resourceId()));
  }

  /** Whether a row naming this type and resource is one the order asked to clean. */
  public boolean covers(String rowResourceType, String rowResourceId) {
    return resourceType.map(rowResourceType::equals).orElse(true) && resourceId.map(rowResourceId::equals).orElse(true);
  }
}
