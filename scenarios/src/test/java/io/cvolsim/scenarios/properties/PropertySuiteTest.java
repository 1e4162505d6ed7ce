package io.cvolsim.scenarios.properties;

import static io.cvolsim.kernel.api.Durations.seconds;
import static io.cvolsim.scenarios.properties.LockPropertiesTest.A;
import static io.cvolsim.scenarios.properties.LockPropertiesTest.B;
import static io.cvolsim.scenarios.properties.LockPropertiesTest.LOCK;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.model.workers.CleanupClaim;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The suite's shape, and the reachability goals on logs of real small worlds. */
class PropertySuiteTest {

  private static Map<String, PropertyResult> byName(List<PropertyResult> results) {
    return results.stream().collect(Collectors.toMap(PropertyResult::name, Function.identity(), (a, b) -> a,
        TreeMap::new));
  }

  /** A run that did nothing proves nothing: no property may hold vacuously. */
  @Test
  void emptyRun_everyLogPropertyIsNotExercised() {
    List<PropertyResult> results = PropertySuite.check(new TestArtifacts().build());
    assertThat(results).extracting(PropertyResult::name).doesNotHaveDuplicates().startsWith(
        LinearizabilityProperty.NAME, StorageExclusivityProperty.NAME, SourceProtectionProperty.NAME,
        DataIntegrityProperty.NAME, FencedWritesProperty.NAME, FencingTargetProperty.NAME,
        LostStatusUpdateProperty.NAME,
        WorkerRowsProperty.NAME, CleanupOnceProperty.NAME, CleanupRacesOwnerProperty.NAME, NoCleanupOfNewerWorkProperty.NAME,
        LockSafetyProperty.NAME, UpDownConsistencyProperty.NAME, ClusterRoutingProperty.NAME,
        CapacityConservationProperty.NAME, EventualFinalityProperty.NAME, StorageAgreementProperty.NAME,
        OrphanedStorageProperty.NAME, QuotaConservationProperty.NAME,
        AttachmentConsistencyProperty.NAME, LockReleaseProperty.NAME, CleanupAvailabilityProperty.NAME, QueuedDeletesProperty.NAME,
        HeartbeatRecoveryProperty.NAME, CapabilityConvergenceProperty.NAME);
    assertThat(results).hasSize(30);
    assertThat(results.subList(1, results.size())).allSatisfy(result ->
        assertThat(result.status()).as(result.name()).isEqualTo(PropertyStatus.NOT_EXERCISED));
    assertThat(results).extracting(PropertyResult::kind).containsOnly("always", "eventually", "sometimes");
    assertThat(results.subList(25, 30)).extracting(PropertyResult::kind).containsOnly("sometimes");
  }

  @Test
  void suite_reportsAViolationFromItsLogs() {
    TestArtifacts artifacts = new TestArtifacts();
    artifacts.locks = LockPropertiesTest.pausedHolder().log;
    Map<String, PropertyResult> results = byName(PropertySuite.checkLogs(artifacts.build()));
    assertThat(results.get(LockSafetyProperty.NAME).status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(results.get(ReachabilityGoals.LEASE_EXPIRED).status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(results.get(ReachabilityGoals.ZOMBIE).status()).isEqualTo(PropertyStatus.HOLDS);
  }

  /** A node declared down while alive that then calls the array is a zombie; one that died first is not. */
  @Test
  void zombieGoal_isReachedByANodeWorkingAfterItWasGivenUp() {
    TestArtifacts artifacts = new TestArtifacts();
    long[] now = {seconds(1)};
    artifacts.services = new ServiceLog(() -> now[0]);
    artifacts.services.declaredDown("c-vol-1@lvm", "sch-1");
    StorageScript script = new StorageScript().node("c-vol-1")
        .at(seconds(2), "c-vol-1", driver -> driver.createVolume("v1", 1)).run();
    artifacts.storage = script.log;
    assertThat(artifacts.goal(ReachabilityGoals.ZOMBIE)).isEqualTo(PropertyStatus.HOLDS);

    artifacts.services = new ServiceLog(() -> now[0]);
    now[0] = 0;
    artifacts.services.processDied("c-vol-1");
    now[0] = seconds(1);
    artifacts.services.declaredDown("c-vol-1@lvm", "sch-1");
    assertThat(artifacts.goal(ReachabilityGoals.ZOMBIE)).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }

  /** A call the array refused because its caller was fenced shows a zombie at work. */
  @Test
  void zombieGoal_isReachedByACallRefusedToARevokedNode() {
    TestArtifacts artifacts = new TestArtifacts();
    artifacts.storage = new StorageScript().node("c-vol-1").node("sch-1")
        .at(seconds(1), "sch-1", driver -> driver.revokeAccess(io.cvolsim.kernel.api.NodeId.of("c-vol-1")))
        .at(seconds(2), "c-vol-1", driver -> driver.createVolume("v1", 1)).run().log;
    assertThat(artifacts.goal(ReachabilityGoals.ZOMBIE)).isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void cleanupGoal_isReachedByARealCleanup() {
    TestArtifacts artifacts = new TestArtifacts();
    assertThat(artifacts.goal(ReachabilityGoals.CLEANUP_RAN)).isEqualTo(PropertyStatus.NOT_EXERCISED);
    artifacts.workers = new CleanupScript(CleanupClaim.RACE_PREVENTER).volumeWithRow("v1", "creating", seconds(1))
        .cleanAt(seconds(10), "c-vol-1", 11, null).run().log;
    assertThat(artifacts.goal(ReachabilityGoals.CLEANUP_RAN)).isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void sourceLockGoal_isReachedWhenTheSecondAcquirerQueues() {
    TestArtifacts artifacts = new TestArtifacts();
    artifacts.locks = LockPropertiesTest.etcd().acquireAt(seconds(1), A, LOCK).acquireAt(seconds(2), B, LOCK)
        .releaseAt(seconds(10), A, LOCK).run(seconds(20)).log;
    assertThat(artifacts.goal(ReachabilityGoals.SOURCE_LOCK_WAITED)).isEqualTo(PropertyStatus.HOLDS);
    assertThat(artifacts.goal(ReachabilityGoals.LEASE_EXPIRED)).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }

  @Test
  void sourceLockGoal_isNotReachedWithoutContention() {
    TestArtifacts artifacts = new TestArtifacts();
    artifacts.locks = LockPropertiesTest.etcd().acquireAt(seconds(1), A, LOCK).releaseAt(seconds(2), A, LOCK)
        .acquireAt(seconds(3), B, LOCK).run(seconds(5)).log;
    assertThat(artifacts.goal(ReachabilityGoals.SOURCE_LOCK_WAITED)).isEqualTo(PropertyStatus.NOT_EXERCISED);
    assertThat(artifacts.goal(ReachabilityGoals.REDELIVERED)).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }
}
