package io.cvolsim.scenarios.properties;

import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import java.util.List;

/**
 * Builds the {@link PropertyResult}s of one property, so every property names its kind once and
 * reports in the same shape.
 *
 * @param name the property's name as reports show it
 * @param kind "always" (safety), "sometimes" (reachability) or "eventually" (liveness)
 */
record Verdicts(String name, String kind) {
  static final String ALWAYS = "always";
  static final String SOMETIMES = "sometimes";
  static final String EVENTUALLY = "eventually";

  PropertyResult holds(String summary) {
    return new PropertyResult(name, kind, PropertyStatus.HOLDS, summary, List.of());
  }

  /** Holds, with caveats the reader should see (reference §8 asks for them separately). */
  PropertyResult holds(String summary, List<String> caveats) {
    return new PropertyResult(name, kind, PropertyStatus.HOLDS, summary, caveats);
  }

  PropertyResult violated(String summary, List<String> witness) {
    return new PropertyResult(name, kind, PropertyStatus.VIOLATED, summary, witness);
  }

  PropertyResult unknown(String summary, List<String> witness) {
    return new PropertyResult(name, kind, PropertyStatus.UNKNOWN, summary, witness);
  }

  PropertyResult notExercised(String why) {
    return new PropertyResult(name, kind, PropertyStatus.NOT_EXERCISED, why, List.of());
  }

  /** A reachability goal: reached (HOLDS, with examples) or not (NOT_EXERCISED); never a failure. */
  PropertyResult reached(List<String> examples, String what) {
    return examples.isEmpty() ? notExercised("never reached: " + what)
        : holds(examples.size() + " times: " + what, examples.subList(0, Math.min(5, examples.size())));
  }
}
