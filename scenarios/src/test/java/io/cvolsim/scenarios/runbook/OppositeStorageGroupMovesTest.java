package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.model.api.ApiResponse;
import io.cvolsim.model.api.VolumeRequest;
import io.cvolsim.model.dlm.CoordinationBackend;
import io.cvolsim.model.dlm.LockOrder;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import io.cvolsim.scenarios.properties.LockReleaseProperty;
import io.cvolsim.scenarios.runbook.ScriptedClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * Runbook 8, V20 and commit 749772a6f: on a PowerMax-like driver a retype moves the volume from
 * its type's storage group to the new type's under both groups' locks. Two opposite retypes at
 * once - gold to silver and silver to gold, on two nodes, with etcd locks - deadlock when each
 * takes its locks in decorator order, and both finish when the locks are taken sorted.
 */
class OppositeStorageGroupMovesTest {
  private static final String GOLD_VOLUME = "A";
  private static final String SILVER_VOLUME = "B";

  private static RunbookDeployment retypeBothWays(LockOrder order) {
    RunbookDeployment deployment = RunbookDeployment.start(RunbookKnobs.cinderToday()
        .withCoordination(CoordinationBackend.ETCD).withStorageGroupMoves(true).withLockOrder(order));
    deployment.send(RunbookDeployment.WARMED_UP_NANOS, VolumeRequest.Create.empty(GOLD_VOLUME, "gold"));
    deployment.send(RunbookDeployment.WARMED_UP_NANOS, VolumeRequest.Create.empty(SILVER_VOLUME, "silver"));
    deployment.awaitStatus(GOLD_VOLUME, "available", seconds(60));
    long available = deployment.awaitStatus(SILVER_VOLUME, "available", seconds(60));
    Reply<ApiResponse> toSilver = deployment.send(available, new VolumeRequest.Retype(GOLD_VOLUME, "silver"));
    Reply<ApiResponse> toGold = deployment.send(available, new VolumeRequest.Retype(SILVER_VOLUME, "gold"));
    deployment.runUntil(available + seconds(180));
    assertThat(toSilver.answer().code()).isEqualTo(ApiResponse.Code.ACCEPTED);
    assertThat(toGold.answer().code()).isEqualTo(ApiResponse.Code.ACCEPTED);
    return deployment;
  }

  /**
   * Intent: decorator order. A's move takes sg-gold then waits for sg-silver; B's takes sg-silver
   * then waits for sg-gold. Three minutes later both volumes are still retyping (a status with no
   * crash recovery), and L3 reports both locks held by holders others wait on in vain.
   */
  @Test
  void decoratorOrder_deadlocksTwoOppositeMoves() {
    RunbookDeployment deployment = retypeBothWays(LockOrder.DECORATOR_ORDER);
    assertThat(deployment.status(GOLD_VOLUME)).isEqualTo("retyping");
    assertThat(deployment.status(SILVER_VOLUME)).isEqualTo("retyping");
    PropertyResult lockRelease = LockReleaseProperty.check(deployment.artifacts());
    assertThat(lockRelease.status()).as(lockRelease.summary()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(lockRelease.witness()).anySatisfy(line -> assertThat(line).contains("sg-gold"))
        .anySatisfy(line -> assertThat(line).contains("sg-silver"));
  }

  /** Intent: sorted order, Cinder since 749772a6f. Both take sg-gold first, so one waits, and both finish. */
  @Test
  void sortedOrder_letsBothMovesFinish() {
    RunbookDeployment deployment = retypeBothWays(LockOrder.SORTED);
    assertThat(deployment.volume(GOLD_VOLUME).get("volume_type_id")).isEqualTo("silver");
    assertThat(deployment.volume(SILVER_VOLUME).get("volume_type_id")).isEqualTo("gold");
    assertThat(deployment.status(GOLD_VOLUME)).isEqualTo("available");
    assertThat(deployment.status(SILVER_VOLUME)).isEqualTo("available");
  }
}
