package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.model.storage.IoLogEntry;
import io.cvolsim.model.storage.IoOutcome;
import io.cvolsim.model.storage.StorageOperation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runbook 6, reference §6: the dangerous node is one that loses the database alone. It stops
 * heartbeating, so after {@code service_down_time} the others see it down, yet it is alive and
 * its calls to the array go on: a zombie.
 */
class DatabasePartitionZombieTest {

  /**
   * Intent: cut the cloning c-vol from the database 2 s into its 40 s copy. Its services row's
   * {@code updated_at} stops where it was, while the healthy member's keeps advancing; the
   * scheduler's clock still calls it up 30 s after the cut and down 80 s after. Meanwhile its
   * copy completes on the array during the partition, and an attach it receives 20 s into the
   * partition reaches the array and completes too; B stays {@code creating}, since the zombie
   * cannot record the result.
   */
  @Test
  void cutFromDatabaseOnly_heartbeatStops_butStorageCallsGoOn() {
    ZombieScript script = ZombieScript.cutTheCloningNode(RunbookKnobs.cinderToday());
    RunbookDeployment deployment = script.deployment;
    deployment.runUntil(script.cutAtNanos + seconds(5));
    long zombieBeatAfterCut = script.updatedAt(script.zombie);
    long healthyBeatAfterCut = script.updatedAt(script.healthy);
    script.attachBoth(script.cutAtNanos + seconds(20));

    deployment.runUntil(script.cutAtNanos + seconds(30));
    assertThat(deployment.looksUp(script.zombie, deployment.scheduler(1))).as("up 30 s after the cut").isTrue();
    deployment.runUntil(script.cutAtNanos + seconds(80));
    assertThat(deployment.looksUp(script.zombie, deployment.scheduler(1))).as("down 80 s after the cut").isFalse();
    assertThat(deployment.looksUp(script.healthy, deployment.scheduler(1))).isTrue();
    assertThat(script.updatedAt(script.zombie)).as("the zombie's heartbeat stopped").isEqualTo(zombieBeatAfterCut);
    assertThat(script.updatedAt(script.healthy) - healthyBeatAfterCut).as("the healthy member's went on")
        .isGreaterThanOrEqualTo(seconds(60));

    IoLogEntry clone = script.cloneCall();
    assertThat(clone.call().caller()).isEqualTo(script.zombie);
    assertThat(clone.outcome()).isEqualTo(IoOutcome.COMPLETED);
    assertThat(clone.endNanos()).as("the copy completed during the partition").isGreaterThan(script.cutAtNanos);
    List<IoLogEntry> attaches = script.zombieCalls(StorageOperation.INITIALIZE_CONNECTION, script.cutAtNanos);
    assertThat(attaches).as("a new array call from the zombie during the partition").hasSize(1);
    assertThat(attaches.get(0).outcome()).isEqualTo(IoOutcome.COMPLETED);
    assertThat(deployment.status(ZombieScript.CLONE)).as("the zombie could not record the clone").isEqualTo("creating");
  }
}
