package io.cvolsim.model.storage;

import io.cvolsim.kernel.api.NodeId;
import java.util.Objects;

/**
 * Who asked the array for what.
 *
 * @param target the volume or snapshot the call changes (for access control: the node's name)
 * @param source the volume or snapshot a copy reads; null for every other call
 * @param fencingToken the token the call carried; null when none
 */
public record IoCall(NodeId caller, StorageOperation operation, String target, String source,
    FencingToken fencingToken) {
  public IoCall {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(target, "target");
  }

  /** True when the call names {@code resource} as its target or its source. */
  public boolean names(String resource) {
    return target.equals(resource) || resource.equals(source);
  }
}
