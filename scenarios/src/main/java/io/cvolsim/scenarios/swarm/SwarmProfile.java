package io.cvolsim.scenarios.swarm;

import io.cvolsim.kernel.api.Choices;
import io.cvolsim.kernel.api.Ratio;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which fault kinds one swarm run switches on and how many of each it injects in the fault window
 * (swarm testing, as FoundationDB's and TigerBeetle's simulators do it): each allowed kind is on
 * with even odds, and an "on" kind gets 1 to {@link #COUNT_MAX} faults. Different seeds so stress
 * different mixes, and rarely-combined faults meet without drowning each other out.
 */
public record SwarmProfile(SortedMap<FaultKind, Integer> countsByKind) {
  static final int COUNT_MAX = 3;

  public SwarmProfile {
    countsByKind = Collections.unmodifiableSortedMap(new TreeMap<>(countsByKind));
  }

  /** Draws the profile; the simplest answer for every kind is "off". */
  public static SwarmProfile draw(Choices choices, List<FaultKind> allowed) {
    SortedMap<FaultKind, Integer> counts = new TreeMap<>();
    for (FaultKind kind : allowed) {
      if (choices.chance("swarm.on " + kind.optionValue(), Ratio.percent(50))) {
        counts.put(kind, choices.integer("swarm.count " + kind.optionValue(), 1, COUNT_MAX));
      }
    }
    return new SwarmProfile(counts);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("swarm profile:");
    countsByKind.forEach((kind, count) -> text.append(' ').append(kind.optionValue()).append('=').append(count));
    return countsByKind.isEmpty() ? "swarm profile: no faults" : text.toString();
  }
}
