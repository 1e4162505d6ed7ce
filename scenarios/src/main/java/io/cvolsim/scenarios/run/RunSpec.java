package io.cvolsim.scenarios.run;

import io.cvolsim.scenarios.config.Settings;
import java.util.List;
import java.util.Optional;

/**
 * What determines a run: scenario, seed and settings, and optionally a recorded draw sequence
 * that replaces the seed's stream (a saved or shrunk counterexample).
 */
public record RunSpec(String scenario, long seed, Settings settings, Optional<List<Long>> draws) {
  public RunSpec {
    draws = draws.map(List::copyOf);
  }

  /** A seeded run of a scenario with the user's assignments applied after the scenario's own. */
  public static RunSpec seeded(String scenarioName, long seed, List<String> assignments) {
    Scenario scenario = ScenarioCatalog.require(scenarioName);
    Settings settings = Settings.defaults().withAssignments(scenario.settingOverrides())
        .withAssignments(assignments);
    return new RunSpec(scenarioName, seed, settings, Optional.empty());
  }

  public RunSpec withDraws(List<Long> recorded) {
    return new RunSpec(scenario, seed, settings, Optional.of(recorded));
  }

  /** The command line that reproduces this run (for a run from draws, the file replays it). */
  public String reproCommand() {
    StringBuilder command = new StringBuilder("./cvolsim replay --seed ").append(seed);
    if (!scenario.equals(ScenarioCatalog.DEFAULT)) {
      command.append(" --scenario ").append(scenario);
    }
    Settings scenarioDefaults = Settings.defaults()
        .withAssignments(ScenarioCatalog.require(scenario).settingOverrides());
    settings.asMap().forEach((key, value) -> {
      if (!value.equals(scenarioDefaults.asMap().get(key))) {
        command.append(" --set ").append(key).append('=').append(value);
      }
    });
    return command.toString();
  }
}
