package io.cvolsim.archfixture.model;

/** Deliberately breaks the determinism rule; only the architecture tests read it. */
public final class ModelThatUsesThreadLocalRandom {
  public long value() {
    return java.util.concurrent.ThreadLocalRandom.current().nextLong();
  }
}
