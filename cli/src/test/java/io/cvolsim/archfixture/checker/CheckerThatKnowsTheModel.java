package io.cvolsim.archfixture.checker;

import io.cvolsim.archfixture.model.ModelThatSleeps;

/** Deliberately breaks the layering rule: the checker is a pure library. */
public final class CheckerThatKnowsTheModel {
  public Object model() {
    return new ModelThatSleeps();
  }
}
