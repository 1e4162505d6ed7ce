package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.model.api.ApiResponse;
import io.cvolsim.model.api.VolumeRequest;
import io.cvolsim.model.config.AttachmentLock;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.dlm.CoordinationBackend;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import io.cvolsim.scenarios.properties.AttachmentConsistencyProperty;
import io.cvolsim.scenarios.runbook.ScriptedClient.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LP #1833736 as a runbook: Nova attaches volume V to instance-1 twice at once, each attach
 * through its own API node (reserve, then update with compute host nova-compute-1's connector,
 * then complete). The second reserve's CAS fails, but the instance already holds V, so it is
 * overridden and a second row written. What keeps V at one attachment is attachment_update's
 * lock and duplicate check - and only a lock that excludes across API nodes.
 */
class DuplicateAttachmentRaceTest {
  private static final String VOLUME = "V";
  private static final String HOST = "nova-compute-1";

  private static RunbookDeployment attachTwiceAtOnce(CoordinationBackend backend, AttachmentLock lock) {
    RunbookDeployment deployment = RunbookDeployment.start(RunbookKnobs.cinderToday().withCoordination(backend),
        RunbookAttachments.cinderToday().withLock(lock));
    deployment.send(RunbookDeployment.WARMED_UP_NANOS, VolumeRequest.Create.empty(VOLUME, "lvm"));
    long available = deployment.awaitStatus(VOLUME, "available", seconds(40));
    long reserveAt = available + seconds(1);
    Reply<ApiResponse> first = deployment.send(reserveAt,
        new VolumeRequest.AttachmentReserve(VOLUME, "a1", "instance-1"), deployment.apiNode(1));
    Reply<ApiResponse> second = deployment.send(reserveAt,
        new VolumeRequest.AttachmentReserve(VOLUME, "a2", "instance-1"), deployment.apiNode(2));
    deployment.runUntil(reserveAt + seconds(1));
    assertThat(List.of(first.answer().code(), second.answer().code())).as("the second reserve is overridden")
        .containsOnly(ApiResponse.Code.ACCEPTED);
    long updateAt = reserveAt + seconds(2);
    deployment.send(updateAt, new VolumeRequest.AttachmentUpdate(VOLUME, "a1", HOST), deployment.apiNode(1));
    deployment.send(updateAt, new VolumeRequest.AttachmentUpdate(VOLUME, "a2", HOST), deployment.apiNode(2));
    deployment.runUntil(updateAt + seconds(10));
    long completeAt = deployment.nowNanos();
    for (String attachment : List.of("a1", "a2")) {
      if (!deployment.attachment(attachment).isTrue("deleted")) {
        deployment.send(completeAt, new VolumeRequest.AttachmentComplete(VOLUME, attachment));
      }
    }
    deployment.runUntil(completeAt + seconds(5));
    return deployment;
  }

  private static long liveAttachments(RunbookDeployment deployment) {
    return List.of("a1", "a2").stream().filter(id -> !deployment.attachment(id).isTrue("deleted")).count();
  }

  /** Intent: api.attachment_lock=none, before the fix. Both attachments complete: S14 fails. */
  @Test
  void noLock_bothAttachmentsComplete_andS14ReportsTwoLiveAttachments() {
    RunbookDeployment deployment = attachTwiceAtOnce(CoordinationBackend.ETCD, AttachmentLock.NONE);
    assertThat(liveAttachments(deployment)).isEqualTo(2);
    PropertyResult s14 = AttachmentConsistencyProperty.check(deployment.artifacts());
    assertThat(s14.status()).as(s14.summary()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(s14.witness()).anySatisfy(line -> assertThat(line).contains(VOLUME + " has 2 live attachments"));
  }

  /** Intent: the fix with etcd. The later update waits for the lock, sees the first, backs out. */
  @Test
  void dlmLockOnEtcd_theLaterUpdateIsBackedOut_andOneAttachmentStays() {
    RunbookDeployment deployment = attachTwiceAtOnce(CoordinationBackend.ETCD, AttachmentLock.DLM);
    assertThat(liveAttachments(deployment)).isEqualTo(1);
    assertThat(deployment.status(VOLUME)).isEqualTo("in-use");
    assertThat(deployment.lockLog().events()).anySatisfy(event ->
        assertThat(event.lockName()).isEqualTo("attachment_update-" + VOLUME + "-" + HOST));
    PropertyResult s14 = AttachmentConsistencyProperty.check(deployment.artifacts());
    assertThat(s14.status()).as(s14.witness().toString()).isEqualTo(PropertyStatus.HOLDS);
  }

  /** Intent: the fix with Tooz's default file locks. Each API node locks only itself: both stay. */
  @Test
  void dlmLockOnFiles_excludesNothingAcrossApiNodes_andBothAttachmentsStay() {
    RunbookDeployment deployment = attachTwiceAtOnce(CoordinationBackend.FILE, AttachmentLock.DLM);
    assertThat(liveAttachments(deployment)).isEqualTo(2);
    assertThat(AttachmentConsistencyProperty.check(deployment.artifacts()).status()).isEqualTo(PropertyStatus.VIOLATED);
  }
}
