package io.cvolsim.cli;

import io.cvolsim.reports.SweepSummary;
import io.cvolsim.scenarios.swarm.FaultKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sweep's line on fault kinds: which the runs injected, in how many seeds, and which none
 * did, so that a sweep that held is read against the faults it actually met. The deployment's
 * nemesis injects five kinds; the swarm's menu has the rest.
 */
final class FaultCoverage {
  private FaultCoverage() {}

  static String line(SweepSummary tally) {
    List<String> injected = new ArrayList<>();
    List<String> never = new ArrayList<>();
    for (FaultKind kind : FaultKind.values()) {
      int seeds = tally.seedsWithProbe(kind.probe());
      if (seeds > 0) {
        injected.add(kind.optionValue() + " " + seeds);
      } else {
        never.add(kind.optionValue());
      }
    }
    return String.format(Locale.ROOT, "fault kinds injected: %d of %d%s%s", injected.size(),
        FaultKind.values().length, injected.isEmpty() ? "" : " (seeds: " + String.join(", ", injected) + ")",
        never.isEmpty() ? "" : "; never: " + String.join(", ", never));
  }
}
