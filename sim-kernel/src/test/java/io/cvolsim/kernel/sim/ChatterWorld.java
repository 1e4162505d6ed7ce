package io.cvolsim.kernel.sim;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Message;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Ratio;
import io.cvolsim.kernel.choice.RecordingChoices;
import java.util.ArrayList;
import java.util.List;

/**
 * A scheduling-heavy test world: every node repeatedly sleeps a random time and calls a random
 * peer, over a lossy network. It exercises timers, calls, timeouts, loss and duplication.
 */
public final class ChatterWorld {
  record Ping(long sequence) implements Message {}

  record Pong(long sequence) implements Message {}

  static final class ChatterNode implements Node {
    private final NodeContext context;
    private final List<NodeId> peers;
    private long sequence;
    long answered;
    long timedOut;

    ChatterNode(NodeContext context, List<NodeId> peers) {
      this.context = context;
      this.peers = peers;
    }

    @Override
    public void start() {
      scheduleNext();
    }

    private void scheduleNext() {
      long delay = context.choices().durationNanos("think", Durations.millis(1), Durations.millis(20));
      context.setTimer("think", delay, this::callSomeone);
    }

    private void callSomeone() {
      NodeId peer = context.choices().oneOf("peer", peers);
      context.call(peer, new Ping(++sequence), Pong.class, Durations.millis(50))
          .whenComplete(outcome -> {
            if (outcome.isSuccess()) {
              answered++;
            } else {
              timedOut++;
            }
            scheduleNext();
          });
    }

    @Override
    public void onMessage(Incoming incoming) {
      if (incoming.message() instanceof Ping ping) {
        context.reply(incoming, new Pong(ping.sequence()));
      }
    }
  }

  private ChatterWorld() {}

  public static SimulationOptions options(boolean keepTrace) {
    LinkProfile lossy = new LinkProfile(Durations.millis(1), Durations.millis(10),
        Ratio.percent(5), Ratio.percent(2));
    return new SimulationOptions(50_000_000, keepTrace, lossy);
  }

  /** Builds {@code nodeCount} chatter nodes on a fresh simulation. */
  public static Simulation build(RecordingChoices choices, int nodeCount, boolean keepTrace) {
    Simulation simulation = new Simulation(options(keepTrace), choices);
    List<NodeId> ids = new ArrayList<>();
    for (int i = 1; i <= nodeCount; i++) {
      ids.add(NodeId.of("n" + i));
    }
    for (NodeId id : ids) {
      List<NodeId> peers = ids.stream().filter(other -> !other.equals(id)).toList();
      simulation.addNode(id, context -> new ChatterNode(context, peers));
    }
    return simulation;
  }

  /** Runs a seeded chatter world for {@code seconds} of virtual time; prints nothing. */
  public static Simulation run(long seed, int seconds, boolean keepTrace) {
    Simulation simulation = build(RecordingChoices.seeded(seed), 5, keepTrace);
    simulation.runUntil(Durations.seconds(seconds));
    return simulation;
  }

  /** Entry point for the two-JVM determinism test: prints the fingerprint of one seed. */
  public static void main(String[] args) {
    Simulation simulation = run(Long.parseLong(args[0]), 5, false);
    System.out.println(Fingerprint.hex(simulation.fingerprint()));
  }
}
