package io.cvolsim.model.storage;

import java.util.Objects;

/**
 * A fencing token a call carries: the {@code value} a lock service issued for {@code resource}
 * (the lock name or resource id the token guards). Higher values were issued later.
 */
public record FencingToken(String resource, long value) {
  public FencingToken {
    Objects.requireNonNull(resource, "resource");
    if (resource.isBlank()) {
      throw new IllegalArgumentException("fencing token needs a resource");
    }
  }

  @Override
  public String toString() {
    return resource + "#" + value;
  }
}
