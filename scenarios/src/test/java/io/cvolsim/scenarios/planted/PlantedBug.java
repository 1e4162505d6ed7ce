package io.cvolsim.scenarios.planted;

import io.cvolsim.scenarios.config.Presets;
import io.cvolsim.scenarios.property.PropertyCheck;
import io.cvolsim.scenarios.run.RunOutcome;
import io.cvolsim.scenarios.run.RunSpec;
import io.cvolsim.scenarios.run.Runner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A planted bug: the hardened preset with one variant switched to its unsafe value, a scenario
 * and a targeted swarm that make the predicted failure likely. The baseline is hardened so that
 * a finding belongs to the planted variant, not to Cinder's other weaknesses; message loss is
 * off because hardened needs reliable broker publishes (see HardenedPresetTest).
 */
final class PlantedBug {
  /** Settings that crowd requests onto few volumes, as the api-races scenarios do. */
  static final List<String> HOT_WORKLOAD = List.of("workload.clients=8", "workload.volumes=2",
      "workload.think_time_max=500ms", "api.nodes=5");

  /** Every swarm fault but loss bursts, admin resets and forced cleanups: hardened's assumptions. */
  static final String WITHIN_ASSUMPTIONS = "swarm.faults=crash,pause,cut-from-db,cut-from-dlm,"
      + "cut-from-broker,cut-from-storage,split-services,redelivery,clock-skew,clock-drift,slow-storage,force-delete,replace,db-deadlocks";

  /**
   * The planted budgets were measured before hardened took kinds off the swarm's menu: a planted
   * test keeps the scenario's menu unless it names {@code swarm.faults} itself (as
   * {@link #WITHIN_ASSUMPTIONS} does), so its pinned seeds draw what they drew.
   */
  private static final List<String> FAULT_MENU_AS_MEASURED = List.of("nemesis.assumed_absent=none",
      "nemesis.forced_cleanups=on");

  private final String scenario;
  private final List<String> assignments = new ArrayList<>();

  private PlantedBug(String scenario, List<String> plantedSettings) {
    this.scenario = scenario;
    assignments.addAll(Presets.HARDENED.assignments());
    assignments.addAll(FAULT_MENU_AS_MEASURED);
    assignments.add("net.loss=0%");
    assignments.addAll(plantedSettings);
  }

  static PlantedBug in(String scenario, String... plantedSettings) {
    return new PlantedBug(scenario, List.of(plantedSettings));
  }

  PlantedBug with(List<String> more) {
    assignments.addAll(more);
    return this;
  }

  /** The property check over seeds, for bugs whose predicted failure is a VIOLATED property. */
  PropertyCheck check() {
    PropertyCheck check = PropertyCheck.forScenario(scenario);
    assignments.forEach(check::with);
    return check;
  }

  /**
   * For bugs whose predicted failure is not a violation (a caveat, a probe): the first seed in
   * {@code first..last} whose run shows it, or empty.
   */
  Optional<RunOutcome> firstShowing(long first, long last, Predicate<RunOutcome> shows) {
    for (long seed = first; seed <= last; seed++) {
      RunOutcome outcome = Runner.run(RunSpec.seeded(scenario, seed, assignments), false);
      if (shows.test(outcome)) {
        return Optional.of(outcome);
      }
    }
    return Optional.empty();
  }

  /** The same seed and settings run again: the replay line a report prints reproduces it. */
  /** The run of one seed with these settings. */
  RunSpec spec(long seed) {
    return RunSpec.seeded(scenario, seed, assignments);
  }

  static RunOutcome replay(RunOutcome outcome) {
    return Runner.run(outcome.spec(), false);
  }
}
