package io.cvolsim.reports;

import java.util.List;

/**
 * One property's verdict for one run.
 *
 * @param name the property's name ("linearizability")
 * @param kind always (safety), sometimes (reachability) or eventually (liveness)
 * @param status the verdict
 * @param summary one line: what was checked, or what went wrong
 * @param witness lines a person reads to see the violation (empty when it holds)
 */
public record PropertyResult(String name, String kind, PropertyStatus status, String summary,
    List<String> witness) {
  public PropertyResult {
    witness = List.copyOf(witness);
  }
}
