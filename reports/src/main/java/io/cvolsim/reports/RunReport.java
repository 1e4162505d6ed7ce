package io.cvolsim.reports;

import java.util.List;
import java.util.SortedMap;

/**
 * Everything a finished run reports; renderers turn it into text or JSON and never feed back.
 *
 * @param seed the run's seed
 * @param scenario the scenario's name
 * @param settings every setting with its value, in key order
 * @param fingerprint the trace fingerprint, 16 hex digits
 * @param properties one verdict per property
 * @param counts sizes of the run: events, draws, operations, messages
 * @param probes how often each coverage probe fired
 * @param wallMillis wall time of the whole run including checks
 * @param checkMillis wall time spent in checkers
 * @param simulatedNanos virtual time simulated
 * @param reproCommand a command line that reproduces this run exactly
 */
public record RunReport(long seed, String scenario, SortedMap<String, String> settings,
    String fingerprint, List<PropertyResult> properties, SortedMap<String, Long> counts,
    SortedMap<String, Long> probes, long wallMillis, long checkMillis, long simulatedNanos,
    String reproCommand) {

  public RunReport {
    properties = List.copyOf(properties);
  }

  /** Exit status per the CLI contract: 1 violated, else 3 if any unknown, else 0. */
  public int exitStatus() {
    if (properties.stream().anyMatch(p -> p.status() == PropertyStatus.VIOLATED)) {
      return 1;
    }
    return properties.stream().anyMatch(p -> p.status() == PropertyStatus.UNKNOWN) ? 3 : 0;
  }

  public boolean violated() {
    return exitStatus() == 1;
  }

  /** The violated properties' names, in report order. */
  public List<String> violatedProperties() {
    return properties.stream().filter(p -> p.status() == PropertyStatus.VIOLATED)
        .map(PropertyResult::name).toList();
  }
}
