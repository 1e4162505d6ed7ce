package io.cvolsim.scenarios.run;

import java.util.List;

/**
 * A named scenario: its intent in one sentence, which world it runs and the settings it changes
 * from the defaults. Presets and the user's {@code --set} assignments apply after these.
 */
public record Scenario(String name, String intent, Kind kind, List<String> settingOverrides) {
  /** Which deployment a scenario simulates. */
  public enum Kind {
    /** API nodes and one database, with a named stand-in for scheduler and c-vol (the first slice). */
    FIRST_SLICE,
    /** The whole A/A deployment of reference §1. */
    DEPLOYMENT
  }

  public Scenario {
    settingOverrides = List.copyOf(settingOverrides);
  }
}
