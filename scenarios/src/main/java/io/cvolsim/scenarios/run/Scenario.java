package io.cvolsim.scenarios.run;

import java.util.List;

/**
 * A named scenario: its intent in one sentence and the settings it changes from the defaults.
 * Users' {@code --set} assignments apply after these.
 */
public record Scenario(String name, String intent, List<String> settingOverrides) {
  public Scenario {
    settingOverrides = List.copyOf(settingOverrides);
  }
}
