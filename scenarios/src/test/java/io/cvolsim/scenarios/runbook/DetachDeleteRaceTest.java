package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.api.ApiResponse;
import io.cvolsim.model.api.VolumeRequest;
import io.cvolsim.model.config.AttachmentDeleteStatus;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import io.cvolsim.scenarios.properties.AttachmentConsistencyProperty;
import io.cvolsim.scenarios.runbook.ScriptedClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * LP #1937084 as a runbook: Nova detaches V from its instance (a synchronous attachment_delete
 * through api-1) while cinder-csi deletes V through api-2. c-vol detaches and writes V available;
 * api-1's greenthread then stalls (paused here) before it runs again; the delete sees no
 * attachment, and V is destroyed. When api-1 runs again, the pre-fix API writes the status a
 * second time, finds V gone and answers 404, so Nova keeps an attachment Cinder removed.
 */
class DetachDeleteRaceTest {
  private static final String VOLUME = "V";

  private static RunbookDeployment detachWhileDeleted(AttachmentDeleteStatus deleteStatus, Reply<ApiResponse>[] detach) {
    RunbookDeployment deployment = RunbookDeployment.start(RunbookKnobs.cinderToday(),
        RunbookAttachments.cinderToday().withDeleteStatus(deleteStatus));
    deployment.send(RunbookDeployment.WARMED_UP_NANOS, VolumeRequest.Create.empty(VOLUME, "lvm"));
    long at = deployment.awaitStatus(VOLUME, "available", seconds(40)) + seconds(1);
    deployment.send(at, new VolumeRequest.AttachmentReserve(VOLUME, "a1", "instance-1"));
    deployment.send(at + seconds(1), new VolumeRequest.AttachmentUpdate(VOLUME, "a1", "nova-compute-1"));
    deployment.send(at + seconds(3), new VolumeRequest.AttachmentComplete(VOLUME, "a1"));
    deployment.awaitStatus(VOLUME, "in-use", at + seconds(10));
    NodeId novasApi = deployment.apiNode(1);
    detach[0] = deployment.send(deployment.nowNanos() + seconds(1), new VolumeRequest.AttachmentDelete(VOLUME, "a1"),
        novasApi);
    deployment.stepUntil("c-vol detaches a1", () -> deployment.attachment("a1").isTrue("deleted"),
        deployment.nowNanos() + seconds(10));
    deployment.pause(novasApi);
    deployment.send(deployment.nowNanos(), new VolumeRequest.Delete(VOLUME, false), deployment.apiNode(2));
    deployment.runUntil("V is destroyed", () -> deployment.volume(VOLUME).isTrue("deleted"),
        deployment.nowNanos() + seconds(20));
    deployment.resume(novasApi);
    deployment.runUntil(deployment.nowNanos() + seconds(5));
    return deployment;
  }

  @SuppressWarnings("unchecked")
  private static Reply<ApiResponse>[] slot() {
    return new Reply[1];
  }

  /** Intent: api.attachment_delete_status=api-and-c-vol, before 2ec222284. Nova hears 404: S14 fails. */
  @Test
  void apiAndCVolWrite_theDetachIsAnswered404_andS14ReportsTheDivergence() {
    Reply<ApiResponse>[] detach = slot();
    RunbookDeployment deployment = detachWhileDeleted(AttachmentDeleteStatus.API_AND_C_VOL, detach);
    assertThat(detach[0].answer().code()).isEqualTo(ApiResponse.Code.NOT_FOUND);
    PropertyResult s14 = AttachmentConsistencyProperty.check(deployment.artifacts());
    assertThat(s14.status()).as(s14.summary()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(s14.witness()).anySatisfy(line -> assertThat(line)
        .contains("attachment_delete of a1 on V was refused").contains("V deleted"));
  }

  /** Intent: the fix, c-vol the only writer. The detach is answered as done; nothing diverges. */
  @Test
  void cVolWritesAlone_theDetachIsAccepted_andS14SeesNoDivergence() {
    Reply<ApiResponse>[] detach = slot();
    RunbookDeployment deployment = detachWhileDeleted(AttachmentDeleteStatus.C_VOL, detach);
    assertThat(detach[0].answer().code()).isEqualTo(ApiResponse.Code.ACCEPTED);
    PropertyResult s14 = AttachmentConsistencyProperty.check(deployment.artifacts());
    assertThat(s14.status()).as(s14.witness().toString()).isNotEqualTo(PropertyStatus.VIOLATED);
  }
}
