package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.api.ApiResponse;
import io.cvolsim.model.api.VolumeRequest;
import io.cvolsim.model.broker.BrokerEvent;
import io.cvolsim.model.broker.BrokerLogEntry;
import io.cvolsim.model.broker.MessageFate;
import io.cvolsim.scenarios.runbook.ScriptedClient.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runbook 9, reference §4.3 ("draining a single node uses SIGTERM and graceful shutdown"): the
 * contrast to runbook 2's crash. A c-vol told to stop while it runs a create finishes the create,
 * takes no new job, and only then exits; nothing is lost even though the broker acknowledged the
 * message before dispatch, and no workers row is left for anyone to clean.
 */
class GracefulDrainTest {
  private static final String VOLUME = "V";
  private static final String NEXT = "W";
  private static final String CLUSTER_TOPIC = "cinder-volume.cluster1@lvm";

  /**
   * Intent: create V; the instant a c-vol starts it, send that c-vol SIGTERM, and a second later
   * create W. V ends available, created by the drained node; W is taken by another member; the
   * drained node exits after its create; the create's message is DONE; no workers rows remain.
   */
  @Test
  void sigtermDuringACreate_finishesIt_takesNothingNew_thenExits() {
    RunbookDeployment deployment = RunbookDeployment.start(RunbookKnobs.cinderToday());
    Reply<ApiResponse> create = deployment.send(RunbookDeployment.WARMED_UP_NANOS,
        VolumeRequest.Create.empty(VOLUME, "lvm"));
    deployment.stepUntil("a c-vol starts the create", () -> !clusterDispatches(deployment).isEmpty(), seconds(30));
    BrokerLogEntry dispatch = clusterDispatches(deployment).get(0);
    NodeId drained = dispatch.node();
    deployment.terminate(drained);
    deployment.send(deployment.nowNanos() + seconds(1), VolumeRequest.Create.empty(NEXT, "lvm"));

    deployment.awaitStatus(VOLUME, "available", deployment.nowNanos() + seconds(60));
    deployment.awaitStatus(NEXT, "available", deployment.nowNanos() + seconds(60));
    deployment.runUntil(deployment.nowNanos() + seconds(10));
    assertThat(create.answer().code()).isEqualTo(ApiResponse.Code.ACCEPTED);
    assertThat(deployment.brokerLog().fates().get(dispatch.messageId())).isEqualTo(MessageFate.DONE);
    assertThat(clusterDispatches(deployment)).as("W went to another member")
        .filteredOn(entry -> entry.messageId() != dispatch.messageId())
        .allSatisfy(entry -> assertThat(entry.node()).isNotEqualTo(drained));
    assertThat(deployment.isRunning(drained)).as("the drained process exited").isFalse();
    assertThat(deployment.workers()).as("no workers row left behind").isEmpty();
  }

  private static List<BrokerLogEntry> clusterDispatches(RunbookDeployment deployment) {
    return deployment.brokerLog().entries(BrokerEvent.DISPATCH_STARTED).stream()
        .filter(entry -> entry.topic().equals(CLUSTER_TOPIC)).toList();
  }
}
