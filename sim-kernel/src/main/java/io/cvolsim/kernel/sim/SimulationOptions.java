package io.cvolsim.kernel.sim;

/**
 * How a simulation runs, apart from its draws.
 *
 * @param eventBudget the most events a run may take; spending it is an error
 * @param keepTraceLines keep the trace text (replay, tests) or only its fingerprint (sweeps)
 * @param defaultLink how links behave unless a link has its own profile
 */
public record SimulationOptions(long eventBudget, boolean keepTraceLines, LinkProfile defaultLink) {
  public SimulationOptions {
    if (eventBudget <= 0) {
      throw new IllegalArgumentException("event budget must be positive: " + eventBudget);
    }
  }
}
