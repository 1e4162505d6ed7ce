package io.cvolsim.kernel.sim;

import io.cvolsim.kernel.api.NodeId;
import java.util.Comparator;

/** A directed link between two nodes. */
public record Link(NodeId from, NodeId to) implements Comparable<Link> {
  private static final Comparator<Link> ORDER =
      Comparator.comparing(Link::from).thenComparing(Link::to);

  @Override
  public int compareTo(Link other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return from + "->" + to;
  }
}
