package io.cvolsim.archfixture.model;

/** Deliberately breaks the determinism rule; only the architecture tests read it. */
public final class ModelThatUsesRandomUuid {
  public long value() {
    return java.util.UUID.randomUUID().getMostSignificantBits();
  }
}
