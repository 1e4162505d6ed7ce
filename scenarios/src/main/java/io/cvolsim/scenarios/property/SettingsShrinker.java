package io.cvolsim.scenarios.property;

import static io.cvolsim.scenarios.config.SettingsCatalog.API_NODES;
import static io.cvolsim.scenarios.config.SettingsCatalog.CLIENTS;
import static io.cvolsim.scenarios.config.SettingsCatalog.DURATION;
import static io.cvolsim.scenarios.config.SettingsCatalog.LOSS;
import static io.cvolsim.scenarios.config.SettingsCatalog.NEMESIS;
import static io.cvolsim.scenarios.config.SettingsCatalog.VOLUMES;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.choice.Draw;
import io.cvolsim.kernel.shrink.Trial;
import io.cvolsim.scenarios.config.SettingKey;
import io.cvolsim.scenarios.run.RunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Shrinks the workload and faults of a failing run, which its draws alone cannot do: a client
 * issues requests until {@code run.duration}, whatever its think times, so only a shorter
 * duration, fewer clients, nodes and volumes, or faults turned off make a counterexample
 * smaller. Each change keeps the current draws, so a shorter duration replays a prefix of the
 * same run, and may not make more draws than the run it replaces. Values only ever go down, toward each key's simplest value, so the phase ends; the
 * variant under test ({@code api.transition} and the like) is never touched.
 */
final class SettingsShrinker {
  /** Bisection of the duration stops when the interval is this fine a fraction of it. */
  private static final int DURATION_PRECISION_PARTS = 16;
  private static final long DURATION_MIN_NANOS = Durations.seconds(1);
  /** The partition nemesis labels its draws so (scenarios.slice.PartitionNemesis). */
  private static final String NEMESIS_LABEL_PREFIX = "nemesis.";

  private final TrialRunner runner;
  private final List<SettingChange> changes = new ArrayList<>();
  private RunSpec spec;
  private long steps;
  private Trial best;

  SettingsShrinker(TrialRunner runner, RunSpec spec, Trial best) {
    this.runner = runner;
    this.spec = spec;
    this.best = best;
  }

  /** Runs every move once; returns the changes kept, one per key. */
  List<SettingChange> shrink() {
    // The nemesis draws its whole schedule up front: without it, its draws would shift every
    // later one, so they go too and the rest of the run keeps its shape.
    tryValue(NEMESIS, "off", draw -> draw.label().startsWith(NEMESIS_LABEL_PREFIX));
    tryValue(LOSS, "0%");
    // Counts before the duration: a long run gives a rearranged workload more chances to fail.
    for (SettingKey<Integer> key : List.of(CLIENTS, API_NODES, VOLUMES)) {
      // Smallest first: the first that still fails is the smallest that does.
      for (int value = 1; value < spec.settings().get(key) && !runner.spent(); value++) {
        if (tryValue(key, Integer.toString(value))) {
          break;
        }
      }
    }
    shortenDuration();
    return List.copyOf(changes);
  }

  private void shortenDuration() {
    long failingNanos = spec.settings().get(DURATION);
    if (failingNanos <= DURATION_MIN_NANOS || tryValue(DURATION, Durations.format(DURATION_MIN_NANOS))) {
      return;
    }
    long holdingNanos = DURATION_MIN_NANOS;
    while (failingNanos - holdingNanos > precisionNanos(failingNanos) && !runner.spent()) {
      long middleNanos = (holdingNanos + failingNanos) / 2 / Durations.millis(1) * Durations.millis(1);
      if (tryValue(DURATION, Durations.format(middleNanos))) {
        failingNanos = middleNanos;
      } else {
        holdingNanos = middleNanos;
      }
    }
  }

  private static long precisionNanos(long failingNanos) {
    return Math.max(Durations.millis(100), failingNanos / DURATION_PRECISION_PARTS);
  }

  /** Runs the current draws with one setting changed; keeps the change when it fails the same way. */
  private boolean tryValue(SettingKey<?> key, String value) {
    return tryValue(key, value, draw -> false);
  }

  /** As {@link #tryValue(SettingKey, String)}, without the draws the change makes pointless. */
  private boolean tryValue(SettingKey<?> key, String value, Predicate<Draw> pointless) {
    String old = spec.settings().asMap().get(key.name());
    if (old.equals(value) || runner.spent()) {
      return false;
    }
    List<Draw> kept = best.draws().stream().filter(pointless.negate()).toList();
    // Answered label by label, so the draws a change makes needless or adds shift nothing else.
    RunSpec candidate = new RunSpec(spec.scenario(), spec.preset(), spec.seed(), spec.settings().with(key.name(), value),
        Optional.of(kept.stream().map(Draw::value).toList()), Optional.of(kept.stream().map(Draw::label).toList()));
    // No more draws than now: a smaller workload needs fewer, and a run that outgrows its draws
    // answers lower bounds from there on (no think time), which is no simpler.
    Trial trial = runner.run(candidate, best.draws().size());
    if (!trial.stillFails()) {
      return false;
    }
    spec = candidate.withDraws(trial.values());
    best = trial;
    SettingChange.merge(changes, new SettingChange(key.name(), old, value));
    steps++;
    return true;
  }

  /** Changes kept, counting each bisection step of the duration. */
  long steps() {
    return steps;
  }

  RunSpec spec() {
    return spec;
  }

  Trial best() {
    return best;
  }
}
