package io.cvolsim.kernel.sim;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.choice.Draw;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;

/**
 * The simulated network: per-link latency, loss and duplication drawn from the run's choices,
 * and partitions as blocked directed links. By default a message is lost if its link is blocked
 * when it is sent or when it would arrive. With {@link #holdOnPartition} a cut link instead keeps
 * its messages, in order, and sends them when it heals, as TCP retransmission does for a cut
 * shorter than a connection's death; they are lost only if their sender's process died meanwhile
 * (its socket went with it), and a request is lost if its caller stopped waiting for it (its
 * client closed the connection, so the server rolls back what it would have done). Reordering follows from latencies drawn per message.
 */
public final class SimNetwork {
  private final Simulation simulation;
  private LinkProfile defaultProfile;
  private final Map<Link, LinkProfile> profiles = new TreeMap<>();
  /** How many faults cut each blocked link: a link heals when the last of them does. */
  private final TreeMap<Link, Integer> cutsByLink = new TreeMap<>();
  private final Map<Link, List<Held>> held = new TreeMap<>();
  private boolean holdOnPartition;
  private long delivered;
  private long dropped;

  SimNetwork(Simulation simulation, LinkProfile defaultProfile) {
    this.simulation = simulation;
    this.defaultProfile = defaultProfile;
  }

  /** A message a cut link keeps, with the incarnation of the process that sent it. */
  private record Held(Envelope envelope, int senderIncarnation) {}

  /** Cut links keep their messages until they heal instead of losing them (off by default). */
  public void holdOnPartition(boolean hold) {
    this.holdOnPartition = hold;
  }

  public void setDefaultProfile(LinkProfile profile) {
    this.defaultProfile = profile;
  }

  public void setProfile(NodeId from, NodeId to, LinkProfile profile) {
    profiles.put(new Link(from, to), profile);
  }

  /** Blocks one direction: {@code from} can no longer reach {@code to}. */
  public void block(NodeId from, NodeId to) {
    Link link = new Link(from, to);
    int cuts = cutsByLink.merge(link, 1, Integer::sum);
    if (cuts == 1) {
      simulation.traceLine("network", "block", from + "->" + to);
    } else {
      simulation.traceLine("network", "block", from + "->" + to + " (already cut; now by " + cuts + " faults)");
    }
  }

  /** Blocks both directions between two nodes. */
  public void blockBoth(NodeId a, NodeId b) {
    block(a, b);
    block(b, a);
  }

  /**
   * Ends one fault's cut of the link. Faults that overlap on one link each end their own cut, so
   * the link stays cut until the last of them heals: one fault's end does not shorten another.
   */
  public void heal(NodeId from, NodeId to) {
    Link link = new Link(from, to);
    Integer cuts = cutsByLink.get(link);
    if (cuts == null) {
      return;
    }
    if (cuts > 1) {
      cutsByLink.put(link, cuts - 1);
      simulation.traceLine("network", "heal", from + "->" + to + " (still cut by " + (cuts - 1) + " faults)");
      return;
    }
    cutsByLink.remove(link);
    simulation.traceLine("network", "heal", from + "->" + to);
    release(link);
  }

  /** Removes every partition. */
  public void healAll() {
    if (!cutsByLink.isEmpty()) {
      List<Link> healed = List.copyOf(cutsByLink.keySet());
      cutsByLink.clear();
      simulation.traceLine("network", "heal", "all");
      healed.forEach(this::release);
    }
  }

  /** Sends what a healed link kept, in order, unless its sender died since. */
  private void release(Link link) {
    List<Held> kept = held.remove(link);
    if (kept == null) {
      return;
    }
    for (Held message : kept) {
      if (simulation.incarnationOf(link.from()) != message.senderIncarnation()) {
        drop(link.from(), link.to(), "sender died", message.envelope());
      } else if (message.envelope().kind() == Envelope.Kind.REQUEST
          && !simulation.isCallPending(link.from(), message.envelope().callId())) {
        // The caller timed out and closed its connection: the server rolls the request back.
        drop(link.from(), link.to(), "caller gave up", message.envelope());
      } else {
        transmit(link.from(), link.to(), message.envelope());
      }
    }
  }

  public boolean isBlocked(NodeId from, NodeId to) {
    return cutsByLink.containsKey(new Link(from, to));
  }

  public NavigableSet<Link> blockedLinks() {
    return Collections.unmodifiableNavigableSet(cutsByLink.navigableKeySet());
  }

  public long deliveredCount() {
    return delivered;
  }

  public long droppedCount() {
    return dropped;
  }

  void transmit(NodeId from, NodeId to, Envelope envelope) {
    if (isBlocked(from, to)) {
      holdOrDrop(from, to, envelope);
      return;
    }
    LinkProfile profile = profiles.getOrDefault(new Link(from, to), defaultProfile);
    if (!profile.lossRatio().isZero()
        && simulation.choices().chance(drawLabel("net.loss", from, to, envelope), profile.lossRatio())) {
      drop(from, to, "loss", envelope);
      return;
    }
    scheduleArrival(from, to, envelope, profile);
    if (!profile.duplicateRatio().isZero()
        && simulation.choices().chance(drawLabel("net.duplicate", from, to, envelope), profile.duplicateRatio())) {
      scheduleArrival(from, to, envelope, profile);
    }
  }

  private void scheduleArrival(NodeId from, NodeId to, Envelope envelope, LinkProfile profile) {
    long latency = profile.latencyMinNanos() == profile.latencyMaxNanos()
        ? profile.latencyMinNanos()
        : simulation.choices().durationNanos(drawLabel("net.latency", from, to, envelope),
            profile.latencyMinNanos(), profile.latencyMaxNanos());
    int senderIncarnation = simulation.incarnationOf(from);
    simulation.scheduleAfter(latency, () -> arrive(from, to, envelope, senderIncarnation));
  }

  /**
   * A link's draw label, narrowed by the envelope's kind and message type. Labels never change
   * what a seeded run draws; they decide which recorded value a shrink candidate's draw gets.
   * Per link, deleting one request shifts the latency of every later message on that link and
   * can lose a late race; per message type it keeps them, but loses others. The shrinker tries
   * both (docs/PERFORMANCE.md, "Shrinking").
   */
  private static String drawLabel(String what, NodeId from, NodeId to, Envelope envelope) {
    String type = envelope.message() == null ? "" : envelope.message().getClass().getSimpleName();
    return what + " " + from + "->" + to + Draw.NARROWING + envelope.kind() + " " + type;
  }

  private void arrive(NodeId from, NodeId to, Envelope envelope, int senderIncarnation) {
    if (isBlocked(from, to)) {
      holdOrDrop(from, to, envelope, senderIncarnation);
      return;
    }
    delivered++;
    simulation.deliver(from, to, envelope);
  }

  private void holdOrDrop(NodeId from, NodeId to, Envelope envelope) {
    holdOrDrop(from, to, envelope, simulation.incarnationOf(from));
  }

  private void holdOrDrop(NodeId from, NodeId to, Envelope envelope, int senderIncarnation) {
    if (!holdOnPartition) {
      drop(from, to, "partition", envelope);
      return;
    }
    simulation.traceLine("network", "hold(partition)", from + "->" + to + " " + envelope.describe());
    held.computeIfAbsent(new Link(from, to), link -> new ArrayList<>()).add(new Held(envelope, senderIncarnation));
  }

  private void drop(NodeId from, NodeId to, String why, Envelope envelope) {
    dropped++;
    simulation.traceLine("network", "drop(" + why + ")", from + "->" + to + " " + envelope.describe());
  }
}
