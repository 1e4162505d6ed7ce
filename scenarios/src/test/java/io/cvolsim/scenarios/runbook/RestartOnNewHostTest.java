package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.api.VolumeRequest;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.workers.CleanupRequest;
import io.cvolsim.model.rpc.CleanupResponse;
import io.cvolsim.model.workers.WorkerEvent;
import io.cvolsim.scenarios.runbook.ScriptedClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * Runbook 13, reference §5.4: a c-vol's machine is lost while it creates V, and a replacement
 * joins the cluster under a new host name. The replacement's start-up cleanup names its own
 * (new) service only, so V stays {@code creating} under the old host's row; in Cinder (manual
 * cleanup) it waits for an admin's {@code POST /workers/cleanup} of the down service, which a
 * live member, the replacement included, then carries out: V ends {@code error}.
 */
class RestartOnNewHostTest {
  private static final String VOLUME = "V";

  @Test
  void replacementOnANewHost_leavesTheOldHostsCreateUntilACleanupNamesIt() {
    RunbookDeployment deployment = RunbookDeployment.start(RunbookKnobs.cinderToday().withCreate(seconds(30)));
    deployment.send(RunbookDeployment.WARMED_UP_NANOS, VolumeRequest.Create.empty(VOLUME, "lvm"));
    deployment.stepUntil("a c-vol claims V's row", () -> deployment.volumeNodeThatClaimed(VOLUME) != null,
        seconds(40));
    NodeId lost = deployment.volumeNodeThatClaimed(VOLUME);
    long lostServiceId = deployment.serviceId(lost);

    NodeId replacement = deployment.replace(lost);
    deployment.runUntil(deployment.nowNanos() + seconds(120));

    assertThat(replacement.name()).isEqualTo("c-vol-4");
    assertThat(deployment.isRunning(replacement)).isTrue();
    assertThat(deployment.isRunning(lost)).as("a lost machine is never restarted").isFalse();
    assertThat(deployment.status(VOLUME)).as("nobody cleaned the old host's create").isEqualTo("creating");
    Row row = deployment.workerOf(VOLUME);
    assertThat(row.get("service_id")).as("still the old host's row").isEqualTo(lostServiceId);

    Reply<CleanupResponse> cleanup = deployment.cleanup(deployment.nowNanos(), CleanupRequest.allDown(),
        deployment.apiNode(1));
    deployment.awaitStatus(VOLUME, "error", deployment.nowNanos() + seconds(30));
    assertThat(cleanup.answer().cleaning()).containsExactly(lost.name() + "@lvm");
    deployment.runUntil("the cleaner deletes V's row", () -> deployment.workerOf(VOLUME) == null,
        deployment.nowNanos() + seconds(10));
    assertThat(deployment.workerLog().events(WorkerEvent.Kind.ACTION_RUN)).singleElement()
        .satisfies(action -> assertThat(action.serviceId()).isNotEqualTo(lostServiceId));
  }
}
