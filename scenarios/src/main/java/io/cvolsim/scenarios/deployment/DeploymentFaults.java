package io.cvolsim.scenarios.deployment;

/** When the deployment's own nemesis runs ({@code nemesis.deployment_faults}). */
public enum DeploymentFaults {
  /** Only when the swarm nemesis is off: one nemesis or the other. */
  AUTO("auto"),
  /** Beside the swarm's faults too, drawing its own schedule from the same choices. */
  ALWAYS("always");

  private final String optionValue;

  DeploymentFaults(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }

  /** Whether the deployment's nemesis runs, given whether the swarm's does. */
  public boolean runs(boolean swarmRuns) {
    return this == ALWAYS || !swarmRuns;
  }
}
