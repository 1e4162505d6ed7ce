package io.cvolsim.kernel.sim;

/** The run used more events than its budget allows: an error, never a silent stop. */
public final class EventBudgetExceededException extends SimulationException {
  public EventBudgetExceededException(long eventBudget, long timeNanos) {
    super("event budget of " + eventBudget + " spent at t=" + timeNanos + "ns");
  }
}
