package io.cvolsim.archfixture.model;

/** Deliberately breaks the determinism rule; only the architecture tests read it. */
public final class ModelThatUsesSetOf {
  public long value() {
    return java.util.Set.of("a", "b").size();
  }
}
