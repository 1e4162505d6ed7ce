package io.cvolsim.archfixture.model;

import io.cvolsim.kernel.api.Incoming;

/** Deliberately breaks the true-time rule; only the architecture tests read it. */
public final class ModelThatDecidesOnTrueTime {
  public boolean late(Incoming incoming, long nowNanos) {
    return nowNanos - incoming.sentAtNanos() > 1_000;
  }
}
