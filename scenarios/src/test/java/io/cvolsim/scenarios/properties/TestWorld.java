package io.cvolsim.scenarios.properties;

import static io.cvolsim.kernel.api.Durations.millis;

import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.choice.RecordingChoices;
import io.cvolsim.kernel.sim.LinkProfile;
import io.cvolsim.kernel.sim.Simulation;
import io.cvolsim.kernel.sim.SimulationOptions;
import java.util.Map;
import java.util.TreeMap;

/**
 * A simulation for property tests, as the model's own tests build them: servers added by the
 * caller, and passive nodes whose context the test drives at true times.
 */
final class TestWorld {
  final Simulation simulation;
  private final Map<String, NodeContext> contexts = new TreeMap<>();

  TestWorld(long seed) {
    simulation = new Simulation(new SimulationOptions(2_000_000, false,
        LinkProfile.reliable(millis(1), millis(2))), RecordingChoices.seeded(seed));
  }

  /** A node that takes no messages; its context (current incarnation) is {@link #context}. */
  TestWorld passiveNode(String name) {
    simulation.addNode(NodeId.of(name), context -> {
      contexts.put(name, context);
      return new Node() {
        @Override
        public void start() {}

        @Override
        public void onMessage(Incoming incoming) {
          throw new IllegalStateException("test nodes take no messages: " + incoming);
        }
      };
    });
    return this;
  }

  NodeContext context(String name) {
    return contexts.get(name);
  }

  void at(long trueNanos, String label, Runnable action) {
    simulation.scheduleAt(trueNanos, label, action);
  }

  void runUntil(long trueNanos) {
    simulation.runUntil(trueNanos);
  }
}
