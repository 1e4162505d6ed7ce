package io.cvolsim.archfixture.model;

/** Deliberately breaks the determinism rule; only the architecture tests read it. */
public final class ModelThatUsesHashMap {
  public long value() {
    return new java.util.HashMap<String, String>().size();
  }
}
