package io.cvolsim.scenarios.run;

import io.cvolsim.kernel.choice.RecordingChoices;
import io.cvolsim.kernel.sim.Fingerprint;
import io.cvolsim.kernel.sim.Simulation;
import io.cvolsim.kernel.sim.SimulationOptions;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.RunReport;
import io.cvolsim.scenarios.deployment.DeploymentWorld;
import io.cvolsim.scenarios.properties.RunArtifacts;
import io.cvolsim.scenarios.slice.SliceWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Runs one {@link RunSpec} to the end, checks every property and builds the report. */
public final class Runner {
  /** A run that takes more events than this is broken, not long. */
  public static final long EVENT_BUDGET = 50_000_000;

  private Runner() {}

  /**
   * Runs the spec. The simulation is single-threaded and reads nothing ambient, so the outcome
   * is a function of the spec; only the wall-time fields of the report vary.
   */
  public static RunOutcome run(RunSpec spec, boolean keepTraceLines) {
    long wallStart = System.nanoTime();
    RecordingChoices choices = spec.draws().isPresent()
        ? new RecordingChoices(spec.replaySource(), Long.MAX_VALUE)
        : RecordingChoices.seeded(spec.seed());
    Simulation simulation = simulationFor(spec, choices, keepTraceLines);
    World world = worldFor(spec, simulation);
    world.build();
    simulation.runUntil(world.endNanos());

    RunArtifacts artifacts = world.artifacts();
    long checkStart = System.nanoTime();
    List<PropertyResult> properties = world.judge(artifacts);
    long checkMillis = (System.nanoTime() - checkStart) / 1_000_000;

    RunReport report = new RunReport(spec.seed(), spec.scenario(),
        new TreeMap<>(spec.settings().asMap()), Fingerprint.hex(simulation.fingerprint()), properties,
        counts(simulation, artifacts, world), new TreeMap<>(simulation.probes().counts()),
        (System.nanoTime() - wallStart) / 1_000_000, checkMillis, simulation.nowNanos(),
        spec.reproCommand());
    List<String> trace = keepTraceLines ? simulation.trace().lines() : List.of();
    return new RunOutcome(spec, report, artifacts.history(), choices.draws(), trace);
  }

  /** The simulation a spec runs on, drawing from {@code choices}. */
  public static Simulation simulationFor(RunSpec spec, RecordingChoices choices, boolean keepTraceLines) {
    return new Simulation(
        new SimulationOptions(EVENT_BUDGET, keepTraceLines, SliceWorld.linkProfile(spec.settings())), choices);
  }

  /** The world of the spec's scenario, not yet built. */
  public static World worldFor(RunSpec spec, Simulation simulation) {
    return spec.kind() == Scenario.Kind.FIRST_SLICE
        ? new SliceWorld(simulation, spec.settings())
        : new DeploymentWorld(simulation, spec.settings());
  }

  private static SortedMap<String, Long> counts(Simulation simulation, RunArtifacts artifacts, World world) {
    SortedMap<String, Long> counts = new TreeMap<>(world.counts());
    counts.put("events", simulation.eventCount());
    counts.put("draws", (long) simulation.choices().drawCount());
    counts.put("operations", (long) artifacts.history().invocationCount());
    counts.put("messages_delivered", simulation.network().deliveredCount());
    counts.put("messages_dropped", simulation.network().droppedCount());
    return counts;
  }
}
