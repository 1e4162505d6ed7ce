package io.cvolsim.archfixture.model;

/** Deliberately breaks the determinism rule; only the architecture tests read it. */
public final class ModelThatUsesMathRandom {
  public long value() {
    return (long) (Math.random() * 10);
  }
}
