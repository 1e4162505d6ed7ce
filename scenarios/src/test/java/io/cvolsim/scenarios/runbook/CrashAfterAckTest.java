package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.api.ApiResponse;
import io.cvolsim.model.api.VolumeRequest;
import io.cvolsim.model.broker.AckMode;
import io.cvolsim.model.broker.BrokerEvent;
import io.cvolsim.model.broker.BrokerLogEntry;
import io.cvolsim.model.broker.MessageFate;
import io.cvolsim.model.workers.CleanupRequest;
import io.cvolsim.scenarios.runbook.ScriptedClient.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runbook 2, reference §4.2 and §5.6: oslo.messaging acknowledges a job on receipt, so a c-vol
 * that dies right after receiving a create takes the job with it; nothing redelivers it and,
 * with manual cleanup and the node gone, the volume stays {@code creating}. Acknowledging after
 * completion (V18) turns the same crash into a redelivery.
 */
class CrashAfterAckTest {
  private static final String VOLUME = "V";
  private static final String CLUSTER_TOPIC = "cinder-volume.cluster1@lvm";

  /**
   * Intent: with {@code broker.ack=before-dispatch}, crash the c-vol that started the create the
   * moment the broker log shows its dispatch; the broker log then calls the message LOST, and
   * five minutes later the volume is still {@code creating}. The c-vol died before claiming the
   * workers row, which still names the (live) scheduler that placed V, so even an admin's
   * cleanup of down services 100 s after the crash cleans the dead c-vol and leaves V alone
   * (the §5.6 gap, with the scheduler's id where the reference expects NULL).
   */
  @Test
  void ackBeforeDispatch_crashAfterReceipt_losesTheJob_volumeStaysCreating() {
    RunbookDeployment deployment = RunbookDeployment.start(RunbookKnobs.cinderToday());
    Crash crash = createThenCrashTheConsumer(deployment);
    var cleanup = deployment.cleanup(crash.atNanos + seconds(100), CleanupRequest.allDown(), deployment.apiNode(1));

    deployment.runUntil(crash.atNanos + seconds(300));
    assertThat(cleanup.answer().cleaning()).containsExactly(crash.node.name() + "@lvm");
    long owner = (Long) deployment.workerOf(VOLUME).get("service_id");
    assertThat(deployment.isVolumeService(owner)).as("V's row still names the scheduler").isFalse();
    assertThat(deployment.brokerLog().fates().get(crash.messageId)).isEqualTo(MessageFate.LOST);
    assertThat(deployment.brokerLog().entries(BrokerEvent.DELIVERED).stream()
        .filter(entry -> entry.messageId() == crash.messageId)).as("delivered once, never again").hasSize(1);
    assertThat(deployment.status(VOLUME)).as("300 s after the crash").isEqualTo("creating");
  }

  /**
   * Intent: the contrast, {@code broker.ack=after-completion}. The same crash leaves the message
   * unacknowledged; once the broker declares the dead connection gone (60 s heartbeat timeout) it
   * requeues the create to a live member, which completes it: the volume ends available.
   */
  @Test
  void ackAfterCompletion_sameCrash_redeliversTheJob_volumeBecomesAvailable() {
    RunbookDeployment deployment = RunbookDeployment.start(
        RunbookKnobs.cinderToday().withBrokerAck(AckMode.AFTER_COMPLETION));
    Crash crash = createThenCrashTheConsumer(deployment);

    long available = deployment.awaitStatus(VOLUME, "available", crash.atNanos + seconds(120));
    List<BrokerLogEntry> deliveries = deployment.brokerLog().entries(BrokerEvent.DELIVERED).stream()
        .filter(entry -> entry.messageId() == crash.messageId).toList();
    assertThat(deliveries).hasSize(2);
    assertThat(deliveries.get(1).detail()).isEqualTo("redelivered");
    assertThat(deliveries.get(1).node()).isNotEqualTo(crash.node);
    assertThat(deliveries.get(1).atNanos() - crash.atNanos).as("redelivered after the heartbeat timeout")
        .isBetween(seconds(60), seconds(80));
    assertThat(deployment.brokerLog().fates().get(crash.messageId)).isEqualTo(MessageFate.DONE);
    assertThat(available).isGreaterThan(deliveries.get(1).atNanos());
  }

  /** Which node died, when, and holding which message. */
  private record Crash(NodeId node, long atNanos, long messageId) {}

  /** Create V; the instant a c-vol starts the create from the cluster queue, crash that c-vol. */
  private static Crash createThenCrashTheConsumer(RunbookDeployment deployment) {
    Reply<ApiResponse> create = deployment.send(RunbookDeployment.WARMED_UP_NANOS,
        VolumeRequest.Create.empty(VOLUME, "lvm"));
    deployment.stepUntil("a c-vol starts the create", () -> !clusterDispatches(deployment).isEmpty(),
        seconds(30));
    BrokerLogEntry dispatch = clusterDispatches(deployment).get(0);
    deployment.crash(dispatch.node());
    assertThat(create.answer().code()).isEqualTo(ApiResponse.Code.ACCEPTED);
    return new Crash(dispatch.node(), deployment.nowNanos(), dispatch.messageId());
  }

  private static List<BrokerLogEntry> clusterDispatches(RunbookDeployment deployment) {
    return deployment.brokerLog().entries(BrokerEvent.DISPATCH_STARTED).stream()
        .filter(entry -> entry.topic().equals(CLUSTER_TOPIC)).toList();
  }
}
