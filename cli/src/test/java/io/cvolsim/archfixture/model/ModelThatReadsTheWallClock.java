package io.cvolsim.archfixture.model;

/** Deliberately breaks the determinism rule; only the architecture tests read it. */
public final class ModelThatReadsTheWallClock {
  public long value() {
    return System.currentTimeMillis();
  }
}
