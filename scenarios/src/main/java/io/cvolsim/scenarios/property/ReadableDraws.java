package io.cvolsim.scenarios.property;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.choice.Draw;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The draws of a counterexample that a reader needs: after shrinking most draws sit at their
 * lower bound (the simplest answer), so only the others say what happened — which operation,
 * which node, which fault and when. Lists how many remain per label, then a few of them.
 */
public final class ReadableDraws {
  /** Draw ranges this wide are durations in nanoseconds ({@code Choices.durationNanos}). */
  private static final long DURATION_RANGE_MIN_NANOS = Durations.millis(1);

  private ReadableDraws() {}

  /**
   * Lines describing the draws that are not at their lower bound: a count per label family,
   * then at most {@code listedMax} of them, rarest family first (a lone fault or volume choice
   * says more than the hundredth latency), in run order within a family.
   */
  public static List<String> describe(List<Draw> draws, int listedMax) {
    List<Integer> nonTrivial = new ArrayList<>();
    for (int i = 0; i < draws.size(); i++) {
      if (draws.get(i).value() != draws.get(i).min()) {
        nonTrivial.add(i);
      }
    }
    TreeMap<String, int[]> counts = countsByFamily(draws, nonTrivial);
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "%d draws, %d at their lower bound; the rest by label:",
        draws.size(), draws.size() - nonTrivial.size()));
    counts.forEach((family, count) -> {
      if (count[0] > 0) {
        lines.add("  " + family + ": " + count[0] + " of " + count[1]);
      }
    });
    List<Integer> listed = new ArrayList<>(nonTrivial);
    listed.sort(Comparator.<Integer>comparingInt(i -> counts.get(family(draws.get(i).label()))[0])
        .thenComparingInt(i -> i));
    for (int i = 0; i < Math.min(listedMax, listed.size()); i++) {
      lines.add("  #" + listed.get(i) + " " + describe(draws.get(listed.get(i))));
    }
    if (listed.size() > listedMax) {
      lines.add("  ... and " + (listed.size() - listedMax) + " more (the run file lists every draw)");
    }
    return lines;
  }

  /** One draw: {@code client.think = 312.5ms (0ns..500ms)} or {@code client.operation = 5 (0..17)}. */
  static String describe(Draw draw) {
    if (draw.max() - draw.min() >= DURATION_RANGE_MIN_NANOS) {
      return String.format(Locale.ROOT, "%s = %.3fms (%s..%s)", draw.label(), draw.value() / 1e6,
          Durations.format(draw.min()), Durations.format(draw.max()));
    }
    return draw.label() + " = " + draw.value() + " (" + draw.min() + ".." + draw.max() + ")";
  }

  /**
   * Per label family, in name order so the text is stable: {not simplest, all} draws. A family
   * is the label up to its first space ("net.latency api-1->db" is one of "net.latency"), so
   * per-link labels do not make the list as long as the topology.
   */
  private static TreeMap<String, int[]> countsByFamily(List<Draw> draws, List<Integer> nonTrivial) {
    TreeMap<String, int[]> counts = new TreeMap<>();
    for (Draw draw : draws) {
      counts.computeIfAbsent(family(draw.label()), family -> new int[2])[1]++;
    }
    nonTrivial.forEach(i -> counts.get(family(draws.get(i).label()))[0]++);
    return counts;
  }

  private static String family(String label) {
    int space = label.indexOf(' ');
    return space < 0 ? label : label.substring(0, space);
  }
}
