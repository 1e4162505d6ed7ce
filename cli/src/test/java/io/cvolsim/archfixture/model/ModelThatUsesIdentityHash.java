package io.cvolsim.archfixture.model;

/** Deliberately breaks the determinism rule; only the architecture tests read it. */
public final class ModelThatUsesIdentityHash {
  public long value() {
    return System.identityHashCode(this);
  }
}
