package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.config.UninitializedDriver;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.model.storage.FencingMode;
import io.cvolsim.model.storage.IoOutcome;
import io.cvolsim.model.storage.StorageOperation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runbook 16, storage fencing's re-admission: a c-vol restarts while cut from the array, so its
 * RestoreAccess goes unanswered, and the link heals just after. The driver's setup then succeeds
 * (the array never revoked this member), but the array may yet refuse the process: a revocation
 * of the dead one still on its way would shut out a host the array never saw re-admitted. A
 * re-admission that failed now counts as a driver that did not start, so that
 * uninitialized_driver decides the rest: Cinder's "consume" fails its jobs, hardened's "stay-off"
 * tries the whole start again, re-admission first.
 */
class UnansweredReadmissionTest {
  private static final long CRASH_AT_NANOS = RunbookDeployment.WARMED_UP_NANOS;
  private static final long RESTART_AT_NANOS = CRASH_AT_NANOS + seconds(5);
  /** Just after the re-admission's 60 s driver call timeout, before a setup sent then could time out. */
  private static final long HEAL_AT_NANOS = RESTART_AT_NANOS + seconds(61);
  private final NodeId victim = NodeId.of("c-vol-3");

  /** Intent: the restarted process does not start its driver on an unanswered re-admission. */
  @Test
  void aRestartWhoseReadmissionWentUnanswered_doesNotStartItsDriver() {
    RunbookDeployment deployment = restartWhileCutFromTheArray(UninitializedDriver.CONSUME);

    assertThat(kindsAfterRestart(deployment)).contains(ServiceLog.Kind.DRIVER_UNINITIALIZED)
        .doesNotContain(ServiceLog.Kind.DRIVER_STARTED);
    assertThat(deployment.artifacts().probes()).containsKey("fencing.restore-access-failed");
  }

  /** Intent: with stay-off the member tries its whole start again, re-admission first, and then starts. */
  @Test
  void stayOff_startsAgain_readmittedFirst() {
    RunbookDeployment deployment = restartWhileCutFromTheArray(UninitializedDriver.STAY_OFF);

    assertThat(kindsAfterRestart(deployment)).containsSubsequence(ServiceLog.Kind.DRIVER_UNINITIALIZED,
        ServiceLog.Kind.DRIVER_STARTED);
    long startedAtNanos = deployment.artifacts().services().events().stream()
        .filter(event -> event.actor().equals(victim.name()) && event.kind() == ServiceLog.Kind.DRIVER_STARTED)
        .mapToLong(ServiceLog.Event::trueTimeNanos).max().orElseThrow();
    assertThat(deployment.storageLog().entries()).anyMatch(entry ->
        entry.call().operation() == StorageOperation.RESTORE_ACCESS && entry.call().caller().equals(victim)
            && entry.outcome() == IoOutcome.COMPLETED && entry.endNanos() < startedAtNanos);
  }

  private RunbookDeployment restartWhileCutFromTheArray(UninitializedDriver uninitializedDriver) {
    RunbookDeployment deployment = RunbookDeployment.start(RunbookKnobs.cinderToday().withFencing(FencingMode.STORAGE)
        .withUninitializedDriver(uninitializedDriver));
    assertThat(deployment.volumeNode(3)).isEqualTo(victim);
    deployment.at(CRASH_AT_NANOS, "crash " + victim, () -> {
      deployment.crash(victim);
      deployment.cutFromStorage(victim);
    });
    deployment.at(RESTART_AT_NANOS, "restart " + victim, () -> deployment.restart(victim));
    deployment.at(HEAL_AT_NANOS, "heal " + victim + "'s array link", () -> deployment.healStorageLink(victim));
    deployment.runUntil(HEAL_AT_NANOS + seconds(120));
    return deployment;
  }

  private List<ServiceLog.Kind> kindsAfterRestart(RunbookDeployment deployment) {
    return deployment.artifacts().services().events().stream()
        .filter(event -> event.actor().equals(victim.name()) && event.trueTimeNanos() > RESTART_AT_NANOS)
        .map(ServiceLog.Event::kind).toList();
  }
}
