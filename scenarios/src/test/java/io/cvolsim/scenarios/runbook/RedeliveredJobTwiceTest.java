package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.api.VolumeRequest;
import io.cvolsim.model.broker.AckMode;
import io.cvolsim.model.storage.FencingMode;
import io.cvolsim.model.storage.IoLogEntry;
import io.cvolsim.model.storage.IoOutcome;
import io.cvolsim.model.storage.StorageOperation;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import io.cvolsim.scenarios.properties.StorageExclusivityProperty;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runbook 12, V18's other side: acknowledging after completion redelivers a job whose consumer
 * fell silent, and a consumer that was only paused then runs it too. The c-vol that claimed V's
 * create is paused for 90 s before its array call; the broker declares its connection dead after
 * its 60 s heartbeat timeout and hands the create to another member, which claims the row again
 * and starts a 40 s create; the first wakes inside it and sends its own create of V. Without
 * fencing both run on the array at once (S1); with storage fencing the array refuses the older
 * row version's call.
 */
class RedeliveredJobTwiceTest {
  private static final String VOLUME = "V";

  private static RunbookDeployment pauseTheClaimer(FencingMode fencing) {
    RunbookDeployment deployment = RunbookDeployment.start(RunbookKnobs.cinderToday()
        .withBrokerAck(AckMode.AFTER_COMPLETION).withFencing(fencing).withCreate(seconds(40)));
    deployment.send(RunbookDeployment.WARMED_UP_NANOS, VolumeRequest.Create.empty(VOLUME, "lvm"));
    deployment.stepUntil("a c-vol claims V's row", () -> deployment.volumeNodeThatClaimed(VOLUME) != null, seconds(40));
    NodeId sleeper = deployment.volumeNodeThatClaimed(VOLUME);
    deployment.pause(sleeper);
    long pausedAt = deployment.nowNanos();
    deployment.at(pausedAt + seconds(90), "the paused c-vol wakes", () -> deployment.resume(sleeper));
    deployment.runUntil(pausedAt + seconds(180));
    assertThat(creates(deployment)).as("both members sent V's create")
        .extracting(entry -> entry.call().caller()).contains(sleeper).hasSize(2);
    return deployment;
  }

  private static List<IoLogEntry> creates(RunbookDeployment deployment) {
    return deployment.storageLog().entries().stream()
        .filter(entry -> entry.call().operation() == StorageOperation.CREATE_VOLUME
            && entry.call().target().equals(VOLUME)).toList();
  }

  /** Intent: fencing=none. Two members create V on the array at overlapping times: S1 fails. */
  @Test
  void noFencing_theRedeliveredCreateRunsTwiceAtOnce() {
    RunbookDeployment deployment = pauseTheClaimer(FencingMode.NONE);
    PropertyResult exclusivity = StorageExclusivityProperty.check(deployment.artifacts());
    assertThat(exclusivity.status()).as(exclusivity.summary()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(exclusivity.witness()).anySatisfy(line -> assertThat(line).contains(VOLUME));
  }

  /** Intent: fencing=storage. The woken c-vol's create carries the older row version: refused. */
  @Test
  void storageFencing_refusesTheOlderRowVersionsCreate() {
    RunbookDeployment deployment = pauseTheClaimer(FencingMode.STORAGE);
    assertThat(creates(deployment)).extracting(IoLogEntry::outcome).contains(IoOutcome.REFUSED_STALE_TOKEN);
    PropertyResult exclusivity = StorageExclusivityProperty.check(deployment.artifacts());
    assertThat(exclusivity.status()).as(exclusivity.witness().toString()).isNotEqualTo(PropertyStatus.VIOLATED);
  }
}
