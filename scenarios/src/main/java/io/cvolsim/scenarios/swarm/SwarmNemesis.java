package io.cvolsim.scenarios.swarm;

import io.cvolsim.checker.history.HistoryRecorder;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Ratio;
import io.cvolsim.kernel.sim.LinkProfile;
import io.cvolsim.kernel.sim.Simulation;
import io.cvolsim.scenarios.deployment.NodeControl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The swarm nemesis: draws a {@link SwarmProfile} from the run's choices, then that many faults of
 * each switched-on kind at drawn times in the fault window, and injects them. Each fault ends by
 * itself when it fits in the window; whatever is still broken when the window closes is left to
 * the deployment's heal phase (partitions healed, clocks reset, nodes resumed and restarted).
 * Every injected fault hits the probe {@code fault.<kind>}, so reports and sweeps show coverage.
 */
public final class SwarmNemesis {
  /** The node that sends the admin actions; "admin" is the heal phase's own operator. */
  public static final NodeId OPERATOR = NodeId.of("operator");
  private final Simulation simulation;
  private final NodeControl control;
  private final HistoryRecorder history;
  private final SwarmTargets targets;
  private final List<FaultKind> allowed;
  private final FaultInjection.SharedKnobs knobs;

  public SwarmNemesis(Simulation simulation, NodeControl control, HistoryRecorder history, SwarmTargets targets,
      List<FaultKind> allowed, LinkProfile baseProfile, Consumer<Ratio> deadlockRatio) {
    this.simulation = simulation;
    this.control = control;
    this.history = history;
    this.targets = targets;
    this.allowed = List.copyOf(allowed);
    this.knobs = FaultInjection.SharedKnobs.of(simulation, baseProfile, deadlockRatio);
  }

  /** Draws the profile and the faults, and schedules them; returns the faults in time order. */
  public List<SwarmFault> schedule() {
    SwarmProfile profile = SwarmProfile.draw(simulation.choices(), allowed);
    List<SwarmFault> faults = drawFaults(profile);
    simulation.scheduleAt(simulation.nowNanos(), profile.toString(), () -> { });
    List<SwarmFault.AdminAction> adminActions = new ArrayList<>();
    for (SwarmFault fault : faults) {
      if (fault instanceof SwarmFault.AdminAction action) {
        adminActions.add(action);
      } else {
        simulation.scheduleAt(fault.atNanos(), fault.label(), () -> inject(fault));
      }
    }
    if (!adminActions.isEmpty()) {
      simulation.addNode(OPERATOR, context -> new SwarmAdmin(context, targets.apiNodes(), adminActions, history));
    }
    return faults;
  }

  private List<SwarmFault> drawFaults(SwarmProfile profile) {
    FaultDraws draws = new FaultDraws(simulation.choices(), targets);
    List<SwarmFault> faults = new ArrayList<>();
    profile.countsByKind().forEach((kind, count) -> {
      for (int i = 0; i < count; i++) {
        faults.add(draws.draw(kind));
      }
    });
    // A stable sort: faults at the same instant keep the kinds' declaration order.
    faults.sort(Comparator.comparingLong(SwarmFault::atNanos));
    return List.copyOf(faults);
  }

  private void inject(SwarmFault fault) {
    simulation.probes().hit(fault.kind().probe());
    SwarmFault aimed = fault.onto(control::occupant);
    if (!aimed.equals(fault)) {
      simulation.probes().hit("fault.on-a-replacement");
      simulation.scheduleAt(simulation.nowNanos(), "swarm: a node it names was replaced; "
          + aimed.label().replaceFirst("^fault: ", "the fault falls on: "), () -> { });
    }
    new FaultInjection(simulation, control, targets, knobs).start(aimed);
  }
}
