package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.api.VolumeRequest;
import io.cvolsim.model.rpc.CleanupResponse;
import io.cvolsim.model.storage.FencingMode;
import io.cvolsim.model.workers.CleanupRequest;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import io.cvolsim.scenarios.properties.CleanupRacesOwnerProperty;
import io.cvolsim.scenarios.properties.FencedWritesProperty;
import io.cvolsim.scenarios.runbook.ScriptedClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * Runbook 11, V11 and S8's second half: a zombie that was cleaned up after and then writes. The
 * c-vol that claimed V's workers row for its create is paused (a stop-the-world stall) before it
 * calls the array; it looks down, an admin's cleanup has the healthy member turn V to error, and
 * then the zombie wakes and sends its create with the row version it claimed. Without fencing the
 * array takes it; with storage fencing the cleanup revoked the zombie first and the array refuses.
 */
class PausedZombieTest {
  private static final String VOLUME = "V";

  private record Zombie(RunbookDeployment deployment, NodeId node, Reply<CleanupResponse> cleanup) {}

  /** Create V; pause the c-vol the moment it claims V's row; clean up at +90 s; resume at +150 s. */
  private static Zombie pauseTheClaimer(FencingMode fencing) {
    RunbookDeployment deployment = RunbookDeployment.start(RunbookKnobs.cinderToday().withFencing(fencing));
    deployment.send(RunbookDeployment.WARMED_UP_NANOS, VolumeRequest.Create.empty(VOLUME, "lvm"));
    deployment.stepUntil("a c-vol claims V's row", () -> deployment.volumeNodeThatClaimed(VOLUME) != null, seconds(40));
    NodeId zombie = deployment.volumeNodeThatClaimed(VOLUME);
    deployment.pause(zombie);
    long pausedAt = deployment.nowNanos();
    Reply<CleanupResponse> cleanup = deployment.cleanup(pausedAt + seconds(90), CleanupRequest.allDown(),
        deployment.apiNode(1));
    deployment.at(pausedAt + seconds(150), "the zombie wakes", () -> deployment.resume(zombie));
    deployment.runUntil(pausedAt + seconds(240));
    assertThat(cleanup.answer().cleaning()).containsExactly(zombie.name() + "@lvm");
    return new Zombie(deployment, zombie, cleanup);
  }

  /** Intent: fencing=none. The zombie's create reaches the array after the cleanup: S8's second half fails. */
  @Test
  void noFencing_theCleanedUpZombiesCreateIsAccepted() {
    Zombie run = pauseTheClaimer(FencingMode.NONE);
    PropertyResult races = CleanupRacesOwnerProperty.check(run.deployment().artifacts());
    assertThat(races.status()).as(races.summary()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(races.witness()).singleElement().asString().contains("cleanup of Volume V")
        .contains(run.node().name());
  }

  /** Intent: fencing=storage. The cleanup revoked the zombie first; its create is refused and S8 holds. */
  @Test
  void storageFencing_theCleanedUpZombiesCreateIsRefused() {
    Zombie run = pauseTheClaimer(FencingMode.STORAGE);
    assertThat(CleanupRacesOwnerProperty.check(run.deployment().artifacts()).status()).isEqualTo(PropertyStatus.HOLDS);
    PropertyResult fenced = FencedWritesProperty.check(run.deployment().artifacts());
    assertThat(fenced.status()).as(fenced.summary()).isEqualTo(PropertyStatus.HOLDS);
  }
}
