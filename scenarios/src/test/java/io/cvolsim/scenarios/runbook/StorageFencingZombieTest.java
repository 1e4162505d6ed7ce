package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.model.rpc.CleanupResponse;
import io.cvolsim.model.storage.FencingMode;
import io.cvolsim.model.storage.IoLogEntry;
import io.cvolsim.model.storage.IoOutcome;
import io.cvolsim.model.storage.StorageOperation;
import io.cvolsim.model.workers.CleanupRequest;
import io.cvolsim.model.workers.WorkerEvent;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import io.cvolsim.scenarios.properties.FencedWritesProperty;
import io.cvolsim.scenarios.runbook.ScriptedClient.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runbook 7, reference §6 (d): storage fencing. Before the cleanup of a down service is sent, the
 * scheduler has the array revoke that node's access; the zombie's later calls are then refused
 * at the array. Without fencing the array cannot tell a zombie from a healthy node.
 */
class StorageFencingZombieTest {
  /** The zombie looks down on every clock 60 s after its last beat; 80 s leaves room. */
  private static final long CLEANUP_AFTER_CUT_NANOS = seconds(80);

  /**
   * Intent: the zombie of runbook 6 under {@code fencing=storage}; 80 s after the cut an admin
   * asks for the cleanup of down services, and the scheduler revokes the zombie at the array
   * before casting it; the healthy member cleans B ({@code creating} to {@code error}). 10 s
   * later an attach reaches the zombie, whose array call is refused (REFUSED_REVOKED) while the
   * healthy member's attach completes. "Fenced writes refused" holds.
   */
  @Test
  void storageFencing_zombiesCallAfterCleanup_isRefused() {
    Fenced run = cleanupThenAttach(FencingMode.STORAGE);

    assertThat(run.cleanup.answer().cleaning()).containsExactly(run.script.zombie.name() + "@lvm");
    List<IoLogEntry> revocations = run.script.deployment.storageLog().entries().stream()
        .filter(entry -> entry.call().operation() == StorageOperation.REVOKE_ACCESS).toList();
    assertThat(revocations).hasSize(1);
    assertThat(revocations.get(0).call().target()).isEqualTo(run.script.zombie.name());
    assertThat(run.lateAttach.startNanos()).isGreaterThan(revocations.get(0).endNanos());
    assertThat(run.lateAttach.outcome()).isEqualTo(IoOutcome.REFUSED_REVOKED);
    assertThat(run.script.zombieCalls(StorageOperation.INITIALIZE_CONNECTION, 0)).hasSize(1);
    assertCleanedByTheHealthyMember(run.script);
    PropertyResult fencedWrites = FencedWritesProperty.check(run.script.deployment.artifacts());
    assertThat(fencedWrites.status()).isEqualTo(PropertyStatus.HOLDS);
  }

  /**
   * Intent: the contrast, {@code fencing=none}: the same cleanup revokes nothing, and the
   * zombie's attach after it is accepted and completes on the array, although its service was
   * declared down and cleaned; the volume is exported to the instance yet stays
   * {@code attaching}, since the zombie cannot record it. "Fenced writes refused" has nothing to
   * judge: without a fence the array cannot tell a zombie from a member.
   */
  @Test
  void noFencing_zombiesCallAfterCleanup_isAccepted() {
    Fenced run = cleanupThenAttach(FencingMode.NONE);

    assertThat(run.cleanup.answer().cleaning()).containsExactly(run.script.zombie.name() + "@lvm");
    assertThat(run.lateAttach.outcome()).isEqualTo(IoOutcome.COMPLETED);
    assertThat(run.script.deployment.status(run.lateAttach.call().target())).isEqualTo("attaching");
    assertCleanedByTheHealthyMember(run.script);
    assertThat(FencedWritesProperty.check(run.script.deployment.artifacts()).status())
        .isEqualTo(PropertyStatus.NOT_EXERCISED);
  }

  /** The healthy member ran the one cleanup action, on B, and B ended in error. */
  private static void assertCleanedByTheHealthyMember(ZombieScript script) {
    List<WorkerEvent> actions = script.deployment.workerLog().events(WorkerEvent.Kind.ACTION_RUN);
    assertThat(actions).hasSize(1);
    assertThat(actions.get(0).serviceId()).isEqualTo(script.deployment.serviceId(script.healthy));
    assertThat(actions.get(0).row().resourceId()).isEqualTo(ZombieScript.CLONE);
    assertThat(script.deployment.status(ZombieScript.CLONE)).isEqualTo("error");
  }

  /** The zombie's run, the admin's cleanup and the zombie's one array call after it. */
  private record Fenced(ZombieScript script, Reply<CleanupResponse> cleanup, IoLogEntry lateAttach) {}

  private static Fenced cleanupThenAttach(FencingMode fencing) {
    ZombieScript script = ZombieScript.cutTheCloningNode(RunbookKnobs.cinderToday().withFencing(fencing));
    long cleanupAt = script.cutAtNanos + CLEANUP_AFTER_CUT_NANOS;
    Reply<CleanupResponse> cleanup = script.deployment.cleanup(cleanupAt, CleanupRequest.allDown(),
        script.deployment.apiNode(1));
    script.deployment.runUntil("the cleanup answered", cleanup::isAnswered, cleanupAt + seconds(30));
    long attachAt = script.deployment.nowNanos() + seconds(10);
    script.attachBoth(attachAt);
    script.deployment.runUntil(attachAt + seconds(30));
    List<IoLogEntry> late = script.zombieCalls(StorageOperation.INITIALIZE_CONNECTION, attachAt);
    assertThat(late).as("the zombie's attach after the cleanup").hasSize(1);
    return new Fenced(script, cleanup, late.get(0));
  }
}
