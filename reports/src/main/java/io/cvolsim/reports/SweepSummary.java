package io.cvolsim.reports;

import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a sweep of many seeds says: how many seeds violated, per property how often it held,
 * was violated, was inconclusive or was never exercised (so a property that was never reached is
 * visible as such, never as a pass), and per coverage probe in how many seeds it fired.
 */
public final class SweepSummary {
  private int seeds;
  private int violated;
  private int unknown;
  private long simulatedNanos;
  private final SortedMap<String, int[]> statusCountsByProperty = new TreeMap<>();
  private final SortedMap<String, Integer> seedsByProbe = new TreeMap<>();

  public void add(RunReport report) {
    seeds++;
    simulatedNanos += report.simulatedNanos();
    if (report.violated()) {
      violated++;
    } else if (report.exitStatus() == 3) {
      unknown++;
    }
    for (PropertyResult property : report.properties()) {
      statusCountsByProperty.computeIfAbsent(property.name(), name -> new int[PropertyStatus.values().length])
          [property.status().ordinal()]++;
    }
    report.probes().keySet().forEach(probe -> seedsByProbe.merge(probe, 1, Integer::sum));
  }

  public int exitStatus() {
    return violated > 0 ? 1 : unknown > 0 ? 3 : 0;
  }

  /** Seeds in which the named property was violated. */
  public int violations(String property) {
    int[] counts = statusCountsByProperty.get(property);
    return counts == null ? 0 : counts[PropertyStatus.VIOLATED.ordinal()];
  }

  /** Seeds in which the named coverage probe fired. */
  public int seedsWithProbe(String probe) {
    return seedsByProbe.getOrDefault(probe, 0);
  }

  public String render(double wallSeconds) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "sweep: %d seeds, %d violated, %d unknown, %d held in %.1f s wall (%.1f seeds/s, %.0f simulated s per wall s)%n",
        seeds, violated, unknown, seeds - violated - unknown, wallSeconds, seeds / wallSeconds,
        simulatedNanos / 1e9 / wallSeconds));
    statusCountsByProperty.forEach((name, counts) -> {
      if (counts[PropertyStatus.VIOLATED.ordinal()] > 0) {
        out.append("violated: ").append(name).append(" in ").append(counts[PropertyStatus.VIOLATED.ordinal()])
            .append(" seeds\n");
      }
    });
    out.append("properties (seeds holds / violated / unknown / not exercised):\n");
    statusCountsByProperty.forEach((name, counts) -> out.append(String.format(Locale.ROOT,
        "  %-50s %d / %d / %d / %d%n", name, counts[PropertyStatus.HOLDS.ordinal()],
        counts[PropertyStatus.VIOLATED.ordinal()], counts[PropertyStatus.UNKNOWN.ordinal()],
        counts[PropertyStatus.NOT_EXERCISED.ordinal()])));
    if (!seedsByProbe.isEmpty()) {
      out.append("probes (seeds in which each fired):");
      seedsByProbe.forEach((probe, count) -> out.append(' ').append(probe).append('=').append(count));
      out.append('\n');
    }
    return out.toString();
  }
}
