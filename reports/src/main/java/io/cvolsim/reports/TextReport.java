package io.cvolsim.reports;

import java.util.Locale;
import java.util.Map;

/**
 * The text summary of a run: first line the seed and every parameter, then a verdict per
 * property, counts and probes, the repro line when something failed, and last the fingerprint.
 */
public final class TextReport {
  private TextReport() {}

  /** The first line, printed before the run starts so that a crash still shows the seed. */
  public static String headerLine(long seed, String scenario, Map<String, String> settings) {
    StringBuilder line = new StringBuilder("cvolsim run: seed=").append(seed).append(" scenario=").append(scenario);
    settings.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
    return line.toString();
  }

  /** Everything after the header line. */
  public static String body(RunReport report) {
    StringBuilder out = new StringBuilder();
    for (PropertyResult property : report.properties()) {
      out.append(String.format(Locale.ROOT, "  %-9s %-28s %-13s %s%n", property.kind(), property.name(),
          property.status().text(), property.summary()));
      for (String line : property.witness()) {
        out.append("      ").append(line).append('\n');
      }
    }
    out.append("counts:");
    report.counts().forEach((name, count) -> out.append(' ').append(name).append('=').append(count));
    out.append('\n');
    if (!report.probes().isEmpty()) {
      out.append("probes:");
      report.probes().forEach((name, count) -> out.append(' ').append(name).append('=').append(count));
      out.append('\n');
    }
    out.append(String.format(Locale.ROOT, "time: simulated %.1fs in %d ms wall (checks %d ms)%n",
        report.simulatedNanos() / 1e9, report.wallMillis(), report.checkMillis()));
    if (report.exitStatus() != 0) {
      out.append("repro: ").append(report.reproCommand()).append('\n');
    }
    out.append("fingerprint: ").append(report.fingerprint()).append('\n');
    return out.toString();
  }
}
