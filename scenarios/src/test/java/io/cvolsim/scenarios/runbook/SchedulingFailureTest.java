package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.api.VolumeRequest;
import io.cvolsim.model.workers.WorkerEvent;
import org.junit.jupiter.api.Test;

/**
 * Runbook 17, a create whose scheduling fails after the scheduler took the volume's workers row:
 * the scheduler's read of the services is lost to a short cut from the database and times out.
 * Cinder's scheduling task sets the volume to error ({@code common.error_out}) and re-raises,
 * and {@code set_workers} then drops the row, since the status moved on. The job was acked
 * before dispatch and is not run again; before, the model left the volume creating for good
 * (L1 and S7 in cinder-today's sweeps, found triaging seed 145).
 */
class SchedulingFailureTest {
  private static final String VOLUME = "vol-1";

  @Test
  void aCreateWhoseSchedulingFailed_goesToError_andLeavesNoWorkersRow() {
    RunbookDeployment deployment = RunbookDeployment.start(RunbookKnobs.cinderToday());
    long sentAt = RunbookDeployment.WARMED_UP_NANOS;
    deployment.send(sentAt, VolumeRequest.Create.empty(VOLUME, "lvm"));
    deployment.stepUntil("a scheduler took " + VOLUME + "'s workers row", () -> schedulerThatClaimed(deployment) != null,
        sentAt + seconds(5));
    NodeId scheduler = schedulerThatClaimed(deployment);
    deployment.cutFromDatabase(scheduler);
    long healAt = deployment.nowNanos() + millis(200);
    deployment.at(healAt, "heal " + scheduler + "'s database link", () -> deployment.healDatabaseLink(scheduler));

    deployment.awaitStatus(VOLUME, "error", healAt + seconds(10));
    deployment.runUntil(deployment.nowNanos() + seconds(5));
    assertThat(deployment.status(VOLUME)).isEqualTo("error");
    assertThat(deployment.workerOf(VOLUME)).isNull();
    assertThat(deployment.artifacts().probes()).containsKey("scheduler.create-errored-out");
  }

  private static NodeId schedulerThatClaimed(RunbookDeployment deployment) {
    return deployment.workerLog().events(WorkerEvent.Kind.SET).stream()
        .filter(event -> event.row().resourceId().equals(VOLUME) && event.node().startsWith("sch"))
        .map(event -> NodeId.of(event.node())).findFirst().orElse(null);
  }
}
