package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.config.FencingRevocation;
import io.cvolsim.model.storage.FencingMode;
import io.cvolsim.model.storage.IoLogEntry;
import io.cvolsim.model.storage.IoOutcome;
import io.cvolsim.model.storage.StorageOperation;
import io.cvolsim.model.workers.CleanupRequest;
import io.cvolsim.reports.PropertyStatus;
import io.cvolsim.scenarios.properties.FencingTargetProperty;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runbook 15, storage fencing's revocation (fencing.revocation): a scheduler judges a dead c-vol
 * down and sends its revocation to the array, which a slow link holds; meanwhile the c-vol restarts,
 * saves its services row and re-admits itself. The revocation then lands on the restarted process.
 * Naming only the host, it shuts the live process out (the property "fencing targets the process
 * judged down" fails); naming the incarnation the decision was about, the array refuses it as stale.
 * Since a restart saves its row, the deployment no longer meets this window by chance (none of
 * seeds 1..2000), so this runbook plants it.
 */
class StaleRevocationTest {
  private static final long CRASH_AT_NANOS = RunbookDeployment.WARMED_UP_NANOS;
  /** Silent past service_down_time (60 s) on every clock. */
  private static final long CLEANUP_AT_NANOS = CRASH_AT_NANOS + seconds(75);
  private static final long RESTART_AT_NANOS = CLEANUP_AT_NANOS + seconds(2);
  /** Well within the driver's call timeout, so the scheduler still waits for its revocation. */
  private static final long HEAL_AT_NANOS = RESTART_AT_NANOS + seconds(5);

  /**
   * Intent: with host revocations the held revocation completes against the restarted c-vol,
   * after it re-admitted itself, on no judgement about that process.
   */
  @Test
  void hostRevocation_landsOnTheRestartedProcess() {
    RunbookDeployment deployment = revokeWhileRestarting(FencingRevocation.HOST);
    IoLogEntry revocation = revocationOf(deployment);

    assertThat(revocation.outcome()).isEqualTo(IoOutcome.COMPLETED);
    assertThat(revocation.startNanos()).isGreaterThan(restoreAfterRestart(deployment).endNanos());
    assertThat(FencingTargetProperty.check(deployment.artifacts()).status()).isEqualTo(PropertyStatus.VIOLATED);
  }

  /** Intent: naming the incarnation, the same revocation is refused and the restarted process keeps its access. */
  @Test
  void incarnationRevocation_isRefusedAsStale() {
    RunbookDeployment deployment = revokeWhileRestarting(FencingRevocation.INCARNATION);
    IoLogEntry revocation = revocationOf(deployment);

    assertThat(revocation.outcome()).isNotEqualTo(IoOutcome.COMPLETED);
    assertThat(revocation.detail()).contains("stale revocation");
    assertThat(FencingTargetProperty.check(deployment.artifacts()).status()).isNotEqualTo(PropertyStatus.VIOLATED);
  }

  private static RunbookDeployment revokeWhileRestarting(FencingRevocation revocation) {
    RunbookDeployment deployment = RunbookDeployment.start(RunbookKnobs.cinderToday()
        .withFencing(FencingMode.STORAGE).withRevocation(revocation));
    NodeId victim = deployment.volumeNode(3);
    deployment.holdMessagesOnCuts();
    deployment.at(CRASH_AT_NANOS, "crash " + victim, () -> deployment.crash(victim));
    deployment.at(CLEANUP_AT_NANOS - seconds(1), "cut the schedulers from the array", () -> {
      deployment.cutFromStorage(deployment.scheduler(1));
      deployment.cutFromStorage(deployment.scheduler(2));
    });
    deployment.cleanup(CLEANUP_AT_NANOS, CleanupRequest.allDown(), deployment.apiNode(1));
    deployment.at(RESTART_AT_NANOS, "restart " + victim, () -> deployment.restart(victim));
    deployment.at(HEAL_AT_NANOS, "heal the schedulers' array links", () -> {
      deployment.healStorageLink(deployment.scheduler(1));
      deployment.healStorageLink(deployment.scheduler(2));
    });
    deployment.runUntil(HEAL_AT_NANOS + seconds(30));
    return deployment;
  }

  private static IoLogEntry revocationOf(RunbookDeployment deployment) {
    List<IoLogEntry> revocations = deployment.storageLog().entries().stream()
        .filter(entry -> entry.call().operation() == StorageOperation.REVOKE_ACCESS).toList();
    assertThat(revocations).as("one revocation, decided before the restart").hasSize(1);
    return revocations.get(0);
  }

  private static IoLogEntry restoreAfterRestart(RunbookDeployment deployment) {
    return deployment.storageLog().entries().stream()
        .filter(entry -> entry.call().operation() == StorageOperation.RESTORE_ACCESS
            && entry.startNanos() > RESTART_AT_NANOS).findFirst()
        .orElseThrow(() -> new AssertionError("the restarted c-vol never re-admitted itself"));
  }
}
