package io.cvolsim.kernel.sim;

import io.cvolsim.kernel.api.NodeId;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The simulated network: per-link latency, loss and duplication drawn from the run's choices,
 * and partitions as blocked directed links. A message is lost if its link is blocked when it is
 * sent or when it would arrive. Reordering follows from latencies drawn per message.
 */
public final class SimNetwork {
  private final Simulation simulation;
  private LinkProfile defaultProfile;
  private final Map<Link, LinkProfile> profiles = new TreeMap<>();
  private final TreeSet<Link> blocked = new TreeSet<>();
  private long delivered;
  private long dropped;

  SimNetwork(Simulation simulation, LinkProfile defaultProfile) {
    this.simulation = simulation;
    this.defaultProfile = defaultProfile;
  }

  public void setDefaultProfile(LinkProfile profile) {
    this.defaultProfile = profile;
  }

  public void setProfile(NodeId from, NodeId to, LinkProfile profile) {
    profiles.put(new Link(from, to), profile);
  }

  /** Blocks one direction: {@code from} can no longer reach {@code to}. */
  public void block(NodeId from, NodeId to) {
    if (blocked.add(new Link(from, to))) {
      simulation.traceLine("network", "block", from + "->" + to);
    }
  }

  /** Blocks both directions between two nodes. */
  public void blockBoth(NodeId a, NodeId b) {
    block(a, b);
    block(b, a);
  }

  public void heal(NodeId from, NodeId to) {
    if (blocked.remove(new Link(from, to))) {
      simulation.traceLine("network", "heal", from + "->" + to);
    }
  }

  /** Removes every partition. */
  public void healAll() {
    if (!blocked.isEmpty()) {
      blocked.clear();
      simulation.traceLine("network", "heal", "all");
    }
  }

  public boolean isBlocked(NodeId from, NodeId to) {
    return blocked.contains(new Link(from, to));
  }

  public NavigableSet<Link> blockedLinks() {
    return Collections.unmodifiableNavigableSet(blocked);
  }

  public long deliveredCount() {
    return delivered;
  }

  public long droppedCount() {
    return dropped;
  }

  void transmit(NodeId from, NodeId to, Envelope envelope) {
    if (isBlocked(from, to)) {
      drop(from, to, "partition", envelope);
      return;
    }
    LinkProfile profile = profiles.getOrDefault(new Link(from, to), defaultProfile);
    if (!profile.lossRatio().isZero()
        && simulation.choices().chance("net.loss " + from + "->" + to, profile.lossRatio())) {
      drop(from, to, "loss", envelope);
      return;
    }
    scheduleArrival(from, to, envelope, profile);
    if (!profile.duplicateRatio().isZero()
        && simulation.choices().chance("net.duplicate " + from + "->" + to, profile.duplicateRatio())) {
      scheduleArrival(from, to, envelope, profile);
    }
  }

  private void scheduleArrival(NodeId from, NodeId to, Envelope envelope, LinkProfile profile) {
    long latency = profile.latencyMinNanos() == profile.latencyMaxNanos()
        ? profile.latencyMinNanos()
        : simulation.choices().durationNanos(
            "net.latency " + from + "->" + to, profile.latencyMinNanos(), profile.latencyMaxNanos());
    simulation.scheduleAfter(latency, () -> arrive(from, to, envelope));
  }

  private void arrive(NodeId from, NodeId to, Envelope envelope) {
    if (isBlocked(from, to)) {
      drop(from, to, "partition", envelope);
      return;
    }
    delivered++;
    simulation.deliver(from, to, envelope);
  }

  private void drop(NodeId from, NodeId to, String why, Envelope envelope) {
    dropped++;
    simulation.traceLine("network", "drop(" + why + ")", from + "->" + to + " " + envelope.describe());
  }
}
