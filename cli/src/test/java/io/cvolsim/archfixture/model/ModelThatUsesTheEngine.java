package io.cvolsim.archfixture.model;

import io.cvolsim.kernel.sim.Simulation;

/** Deliberately breaks the layering rule: model code may only see the kernel's api package. */
public final class ModelThatUsesTheEngine {
  public long now(Simulation simulation) {
    return simulation.nowNanos();
  }
}
