package io.cvolsim.scenarios.run;

import io.cvolsim.kernel.choice.ReplayDrawSource;
import io.cvolsim.scenarios.config.Presets;
import io.cvolsim.model.config.AttachApi;
import io.cvolsim.scenarios.config.Settings;
import io.cvolsim.scenarios.config.SettingsCatalog;
import java.util.List;
import java.util.Optional;

/**
 * What determines a run: scenario, preset (or none), seed and settings, and optionally a recorded
 * draw sequence that replaces the seed's stream (a saved or shrunk counterexample). A shrinker's
 * candidate also names each value's label, and is then answered label by label.
 */
public record RunSpec(String scenario, Optional<String> preset, long seed, Settings settings,
    Optional<List<Long>> draws, Optional<List<String>> drawLabels) {
  public RunSpec {
    draws = draws.map(List::copyOf);
    drawLabels = drawLabels.map(List::copyOf);
  }

  public RunSpec(String scenario, Optional<String> preset, long seed, Settings settings, Optional<List<Long>> draws) {
    this(scenario, preset, seed, settings, draws, Optional.empty());
  }

  /** A seeded run: the scenario's settings, then the preset's, then the user's assignments. */
  public static RunSpec seeded(String scenarioName, Optional<String> preset, long seed, List<String> assignments) {
    Settings settings = baseline(scenarioName, preset).withAssignments(assignments);
    requireServiceFor(scenarioName, settings);
    return new RunSpec(scenarioName, preset, seed, settings, Optional.empty());
  }

  /** The first slice's stand-in cannot answer the attachments API's calls to c-vol. */
  private static void requireServiceFor(String scenarioName, Settings settings) {
    if (settings.get(SettingsCatalog.ATTACH_API) == AttachApi.ATTACHMENTS
        && ScenarioCatalog.require(scenarioName).kind() == Scenario.Kind.FIRST_SLICE) {
      throw new IllegalArgumentException("workload.attach_api=attachments needs a deployment scenario; '"
          + scenarioName + "' is the first slice, whose stand-in answers no calls to c-vol");
    }
  }

  public static RunSpec seeded(String scenarioName, long seed, List<String> assignments) {
    return seeded(scenarioName, Optional.empty(), seed, assignments);
  }

  /** The settings before the user's assignments. */
  static Settings baseline(String scenarioName, Optional<String> preset) {
    Settings settings = Settings.defaults().withAssignments(ScenarioCatalog.require(scenarioName).settingOverrides());
    return preset.isPresent() ? settings.withAssignments(Presets.require(preset.get()).assignments()) : settings;
  }

  public Scenario.Kind kind() {
    return ScenarioCatalog.require(scenario).kind();
  }

  public RunSpec withDraws(List<Long> recorded) {
    return new RunSpec(scenario, preset, seed, settings, Optional.of(recorded));
  }

  /** A shrink candidate: each value answers the next draw of its own label. */
  public RunSpec withLabelledDraws(List<Long> values, List<String> labels) {
    return new RunSpec(scenario, preset, seed, settings, Optional.of(values), Optional.of(labels));
  }

  /** The replayed answers, by label when the spec names labels, else by position. */
  public ReplayDrawSource replaySource() {
    return drawLabels.isPresent() ? new ReplayDrawSource(draws.orElseThrow(), drawLabels.get())
        : new ReplayDrawSource(draws.orElseThrow());
  }

  /** The command line that reproduces this run (for a run from draws, the file replays it). */
  public String reproCommand() {
    if (draws.isPresent()) {
      return "./cvolsim replay <its run file> (this run replays recorded draws; its seed alone does not reproduce it)";
    }
    StringBuilder command = new StringBuilder("./cvolsim replay --seed ").append(seed);
    if (!scenario.equals(ScenarioCatalog.resolve(null, preset.isPresent()))) {
      command.append(" --scenario ").append(scenario);
    }
    preset.ifPresent(name -> command.append(" --preset ").append(name));
    Settings baseline = baseline(scenario, preset);
    settings.asMap().forEach((key, value) -> {
      if (!value.equals(baseline.asMap().get(key))) {
        command.append(" --set ").append(key).append('=').append(value);
      }
    });
    return command.toString();
  }
}
