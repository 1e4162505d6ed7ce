package io.cvolsim.scenarios.deployment;

import io.cvolsim.kernel.api.Durations;

/**
 * The timeline of a deployment run: clients and faults until the fault window ends; then healing
 * (partitions healed, paused nodes resumed, crashed nodes restarted); an admin cleanup once dead
 * services can be seen down; and a quiescence period long enough for every detection and
 * automatic cleanup to have happened, after which the liveness properties are judged.
 */
record DeploymentPhases(long faultWindowEndNanos, long serviceDownTimeNanos) {
  long healAtNanos() {
    return faultWindowEndNanos;
  }

  /** When an admin asks for cleanup: a dead service must look down by then, on any sane clock. */
  long adminCleanupAtNanos() {
    return healAtNanos() + serviceDownTimeNanos + Durations.seconds(30);
  }

  long endNanos() {
    return adminCleanupAtNanos() + Math.max(4 * serviceDownTimeNanos, Durations.seconds(180));
  }
}
