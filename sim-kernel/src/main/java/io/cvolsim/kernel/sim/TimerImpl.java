package io.cvolsim.kernel.sim;

import io.cvolsim.kernel.api.TimerHandle;

/** A timer scheduled in the event queue; cancelling only marks it, the event then does nothing. */
final class TimerImpl implements TimerHandle {
  private boolean active = true;

  @Override
  public void cancel() {
    active = false;
  }

  @Override
  public boolean isActive() {
    return active;
  }

  /** Marks the timer as fired; returns whether it was still active. */
  boolean fire() {
    boolean wasActive = active;
    active = false;
    return wasActive;
  }
}
