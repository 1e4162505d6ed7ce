package io.cvolsim.cli;

import io.cvolsim.reports.SweepSummary;
import io.cvolsim.scenarios.swarm.FaultKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sweep's line on fault kinds: which the runs injected, in how many seeds, which the run's
 * fault menu allowed but none injected, and which the menu leaves out, so that a sweep that held
 * is read against the faults it actually met, and a preset's assumptions stay in sight.
 */
final class FaultCoverage {
  private FaultCoverage() {}

  static String line(SweepSummary tally, List<FaultKind> menu) {
    List<String> injected = new ArrayList<>();
    List<String> never = new ArrayList<>();
    List<String> offMenu = new ArrayList<>();
    for (FaultKind kind : FaultKind.values()) {
      int seeds = tally.seedsWithProbe(kind.probe());
      if (seeds > 0) {
        injected.add(kind.optionValue() + " " + seeds);
      } else if (menu.contains(kind)) {
        never.add(kind.optionValue());
      } else {
        offMenu.add(kind.optionValue());
      }
    }
    return String.format(Locale.ROOT, "fault kinds injected: %d of the %d on the run's menu%s%s%s", injected.size(),
        menu.size(), injected.isEmpty() ? "" : " (seeds: " + String.join(", ", injected) + ")",
        never.isEmpty() ? "" : "; never: " + String.join(", ", never),
        offMenu.isEmpty() ? "" : "; off the menu: " + String.join(", ", offMenu));
  }
}
