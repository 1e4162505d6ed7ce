package io.cvolsim.kernel.sim;

/** Node code threw, or a budget was spent: the run cannot be trusted and stops. */
public class SimulationException extends RuntimeException {
  public SimulationException(String message, Throwable cause) {
    super(message, cause);
  }

  public SimulationException(String message) {
    super(message);
  }
}
