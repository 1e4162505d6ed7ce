package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.model.api.VolumeRequest;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.rpc.CleanupResponse;
import io.cvolsim.model.workers.CleanupClaim;
import io.cvolsim.model.workers.CleanupRequest;
import io.cvolsim.model.workers.ResourceType;
import io.cvolsim.model.workers.WorkerEvent;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import io.cvolsim.scenarios.properties.CleanupOnceProperty;
import io.cvolsim.scenarios.runbook.ScriptedClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * Runbook 14, V8 and commit 24bab6b7f: before the race_preventer counter, a cleanup claim was a
 * CAS on {@code updated_at}, kept in whole seconds by some databases. A claim writes the
 * claimer's service id and "now"; when a service claims a row it already owns, both values can
 * come out as they were (the A-B-A of the reference), so a second claim read before the first
 * still matches. Here one c-vol is deleting V (a 30 s delete) when two admins, in the same
 * second as its set_worker, ask for a cleanup of V on that live service ({@code is_up=true},
 * V10's filter): both cleanups land on the only member, both win the claim and both re-run the
 * delete (S8). With the race_preventer the second claim fails.
 */
class SameSecondClaimsTest {
  private static final String VOLUME = "V";

  private record Claims(RunbookDeployment deployment, Reply<CleanupResponse> first, Reply<CleanupResponse> second) {}

  /** The delete starts on a whole second, so its claim and both cleanups fall inside that second. */
  private static Claims twoCleanupsInTheClaimsSecond(CleanupClaim claim) {
    RunbookDeployment deployment = RunbookDeployment.start(RunbookKnobs.cinderToday().withVolumeNodes(1)
        .withCleanupClaim(claim).withDelete(seconds(30)));
    deployment.send(RunbookDeployment.WARMED_UP_NANOS, VolumeRequest.Create.empty(VOLUME, "lvm"));
    long available = deployment.awaitStatus(VOLUME, "available", RunbookDeployment.WARMED_UP_NANOS + seconds(20));
    long deleteAt = (available / seconds(1) + 1) * seconds(1);
    deployment.send(deleteAt, new VolumeRequest.Delete(VOLUME, false));
    deployment.stepUntil("c-vol-1 claims V's deleting row", () -> deletingRowClaimed(deployment), deleteAt + seconds(1));
    CleanupRequest ofV = CleanupRequest.forService(deployment.serviceId(deployment.volumeNode(1))).withIsUp(true)
        .withResource(ResourceType.VOLUME, VOLUME);
    long now = deployment.nowNanos();
    Reply<CleanupResponse> first = deployment.cleanup(now, ofV, deployment.apiNode(1));
    Reply<CleanupResponse> second = deployment.cleanup(now, ofV, deployment.apiNode(2));
    deployment.runUntil(now + seconds(60));
    assertThat(first.isAnswered() && second.isAnswered()).as("both cleanups answered").isTrue();
    return new Claims(deployment, first, second);
  }

  private static boolean deletingRowClaimed(RunbookDeployment deployment) {
    Row row = deployment.workerOf(VOLUME);
    return row != null && "deleting".equals(row.get("status")) && row.get("service_id") != null;
  }

  @Test
  void updatedAtClaim_v8_twoClaimsInOneSecond_bothWin_andBothRunTheDelete() {
    Claims claims = twoCleanupsInTheClaimsSecond(CleanupClaim.UPDATED_AT);
    assertThat(claims.deployment.workerLog().events(WorkerEvent.Kind.CLAIM_WON)).as("two claims in one second")
        .hasSize(2).allSatisfy(claim -> assertThat(claim.trueTimeNanos() / seconds(1))
            .isEqualTo(claims.deployment.workerLog().events(WorkerEvent.Kind.CLAIM_WON).get(0).trueTimeNanos() / seconds(1)));
    assertThat(claims.deployment.workerLog().events(WorkerEvent.Kind.ACTION_RUN)).hasSize(2);
    PropertyResult cleanupOnce = CleanupOnceProperty.check(claims.deployment.artifacts());
    assertThat(cleanupOnce.status()).isEqualTo(PropertyStatus.VIOLATED);
  }

  @Test
  void racePreventerClaim_twoCleanupsInOneSecond_oneClaimWins() {
    Claims claims = twoCleanupsInTheClaimsSecond(CleanupClaim.RACE_PREVENTER);
    // The first claim stamps the row with a precise updated_at, past the second cleanup's until:
    // the second no longer selects it (and would lose the race_preventer CAS if it did).
    assertThat(claims.deployment.workerLog().events(WorkerEvent.Kind.CLAIM_WON)).hasSize(1);
    assertThat(claims.deployment.workerLog().events(WorkerEvent.Kind.ACTION_RUN)).hasSize(1);
    assertThat(CleanupOnceProperty.check(claims.deployment.artifacts()).status()).isEqualTo(PropertyStatus.HOLDS);
  }
}
