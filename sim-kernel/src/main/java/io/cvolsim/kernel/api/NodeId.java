package io.cvolsim.kernel.api;

import java.util.Objects;

/** The address of one simulated process ("api-1", "db", "c-vol-2"). Ordered by name. */
public record NodeId(String name) implements Comparable<NodeId> {
  public NodeId {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.contains(" ")) {
      throw new IllegalArgumentException("node name must be non-blank without spaces: '" + name + "'");
    }
  }

  public static NodeId of(String name) {
    return new NodeId(name);
  }

  @Override
  public int compareTo(NodeId other) {
    return name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
