package io.cvolsim.scenarios.config;

import java.util.List;

/**
 * A named combination of variants: each choice with the sentence that says why it is there.
 *
 * @param assumptions the fault assumptions under which the preset is meant to be safe
 */
public record Preset(String name, String intent, List<Choice> choices, String assumptions) {
  /** One setting and why. */
  public record Choice(String assignment, String why) {}

  public Preset {
    choices = List.copyOf(choices);
  }

  public List<String> assignments() {
    return choices.stream().map(Choice::assignment).toList();
  }
}
