package io.cvolsim.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by run, replay and sweep: scenario and settings. */
public final class RunOptions {
  @Option(names = "--scenario", paramLabel = "NAME",
      description = "named scenario (see 'cvolsim scenarios'); default: 'default', or 'deployment' "
          + "when a --preset is given")
  String scenario;

  @Option(names = "--preset", paramLabel = "NAME",
      description = "cinder-today (what Cinder does) or hardened (what this project recommends); "
          + "applied before --set")
  String preset;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "set a variant or parameter (see 'cvolsim variants'); repeatable")
  List<String> assignments = new ArrayList<>();

  /** The run of this seed with these options; throws IllegalArgumentException on bad input. */
  io.cvolsim.scenarios.run.RunSpec spec(long seed) {
    return io.cvolsim.scenarios.run.RunSpec.seeded(scenarioName(), java.util.Optional.ofNullable(preset), seed,
        assignments);
  }

  String scenarioName() {
    return io.cvolsim.scenarios.run.ScenarioCatalog.resolve(scenario, preset != null);
  }
}
