package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.api.ApiResponse;
import io.cvolsim.model.api.VolumeRequest;
import io.cvolsim.model.storage.IoLogEntry;
import io.cvolsim.model.storage.StorageOperation;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import io.cvolsim.scenarios.properties.OrphanedStorageProperty;
import io.cvolsim.scenarios.runbook.ScriptedClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * Runbook 10, reference §2.3 and S6: create_volume's reschedule. The array creates the volume but
 * the c-vol never hears back (cut from the array right after the call arrived); the driver call
 * times out, the c-vol clears the volume's host, sends the create back to the scheduler and tries
 * to delete what it left - which fails, still cut off. With one cluster the retry filter leaves
 * no backend, so the volume goes to error without a host; deleting it then destroys the row in
 * the API, and the array keeps a volume nobody owns (S6).
 */
class RescheduleOrphanTest {
  private static final String VOLUME = "V";

  /**
   * Intent: create V; as soon as its create reaches the array, cut that c-vol from the array for
   * 90 s. V ends in error with no host; the user's delete is accepted without any c-vol; S6 names V
   * as orphaned on the array.
   */
  @Test
  void rescheduledCreate_whoseCleanupFails_orphansTheArrayVolume() {
    RunbookDeployment deployment = RunbookDeployment.start(RunbookKnobs.cinderToday().withCreate(seconds(2)));
    deployment.send(RunbookDeployment.WARMED_UP_NANOS, VolumeRequest.Create.empty(VOLUME, "lvm"));
    deployment.stepUntil("the array starts creating V", () -> createCall(deployment) != null, seconds(40));
    NodeId creator = createCall(deployment).call().caller();
    deployment.cutFromStorage(creator);
    long cutAt = deployment.nowNanos();
    deployment.at(cutAt + seconds(90), "heal", () -> deployment.healStorageLink(creator));

    deployment.awaitStatus(VOLUME, "error", cutAt + seconds(120));
    assertThat(deployment.volume(VOLUME).get("host")).as("the reschedule cleared the host").isNull();
    Reply<ApiResponse> delete = deployment.send(cutAt + seconds(130), new VolumeRequest.Delete(VOLUME, false));
    deployment.runUntil(cutAt + seconds(200));
    assertThat(delete.answer().code()).isEqualTo(ApiResponse.Code.ACCEPTED);
    assertThat(deployment.artifacts().probes()).containsKeys("manager.create-rescheduled",
        "manager.reschedule-delete-failed", "scheduler.no-backend-left-to-retry");
    assertThat(deployment.volume(VOLUME).isTrue("deleted")).isTrue();
    PropertyResult orphans = OrphanedStorageProperty.check(deployment.artifacts());
    assertThat(orphans.status()).as(orphans.summary()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(orphans.witness()).anySatisfy(line -> assertThat(line).contains(VOLUME));
  }

  private static IoLogEntry createCall(RunbookDeployment deployment) {
    return deployment.storageLog().entries().stream()
        .filter(entry -> entry.call().operation() == StorageOperation.CREATE_VOLUME
            && entry.call().target().equals(VOLUME))
        .findFirst().orElse(null);
  }
}
