package io.cvolsim.kernel.api;

/** A scheduled timer that may still be cancelled. */
public interface TimerHandle {
  void cancel();

  boolean isActive();
}
