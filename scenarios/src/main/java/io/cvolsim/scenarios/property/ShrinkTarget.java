package io.cvolsim.scenarios.property;

import java.util.List;

/**
 * What a shrink candidate must still violate to be kept. A run that violates several properties
 * rarely keeps exactly that set while its workload is cut, so a shrink aimed at one property
 * goes much further; aimed at the whole set, the counterexample shows every violation together.
 *
 * @param properties the properties that must stay violated
 * @param exactly true: no other property may be violated, and none of these may hold
 */
public record ShrinkTarget(List<String> properties, boolean exactly) {
  public ShrinkTarget {
    properties = List.copyOf(properties);
    if (properties.isEmpty()) {
      throw new IllegalArgumentException("a shrink needs a violated property to keep");
    }
  }

  /** Exactly the properties the failing run violated. */
  public static ShrinkTarget sameViolations(List<String> violated) {
    return new ShrinkTarget(violated, true);
  }

  /** This property still violated, whatever else holds or fails. */
  public static ShrinkTarget property(String name) {
    return new ShrinkTarget(List.of(name), false);
  }

  public boolean isMetBy(List<String> violated) {
    return exactly ? violated.equals(properties) : violated.containsAll(properties);
  }

  /** For a report: "S5 status and storage agree" or "exactly S1, S4". */
  public String describe() {
    return (exactly && properties.size() > 1 ? "exactly " : "") + String.join(", ", properties);
  }
}
