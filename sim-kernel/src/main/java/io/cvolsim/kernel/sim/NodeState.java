package io.cvolsim.kernel.sim;

/** Where a node is in its lifecycle. */
public enum NodeState {
  /** Runs its events as they come. */
  RUNNING,
  /** Alive but frozen: its events wait, and on resume it carries on believing what it believed. */
  PAUSED,
  /** Gone with its volatile state until restarted. */
  CRASHED
}
