package io.cvolsim.archfixture.model;

/** Deliberately breaks the determinism rule; only the architecture tests read it. */
public final class ModelThatUsesJavaUtilRandom {
  public long value() {
    return new java.util.Random(1).nextLong();
  }
}
