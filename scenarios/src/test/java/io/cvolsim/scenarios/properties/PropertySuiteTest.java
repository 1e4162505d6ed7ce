package io.cvolsim.scenarios.properties;

import static io.cvolsim.kernel.api.Durations.seconds;
import static io.cvolsim.scenarios.properties.LockPropertiesTest.A;
import static io.cvolsim.scenarios.properties.LockPropertiesTest.B;
import static io.cvolsim.scenarios.properties.LockPropertiesTest.LOCK;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.model.workers.CleanupClaim;
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
        DataIntegrityProperty.NAME, FencedWritesProperty.NAME, LostStatusUpdateProperty.NAME,
        WorkerRowsProperty.NAME, CleanupOnceProperty.NAME, CleanupRacesOwnerProperty.NAME, NoCleanupOfNewerWorkProperty.NAME,
        LockSafetyProperty.NAME, UpDownConsistencyProperty.NAME, ClusterRoutingProperty.NAME, EventualFinalityProperty.NAME, StorageAgreementProperty.NAME,
        OrphanedStorageProperty.NAME, QuotaConservationProperty.NAME,
        AttachmentConsistencyProperty.NAME, LockReleaseProperty.NAME, CleanupAvailabilityProperty.NAME, QueuedDeletesProperty.NAME,
        HeartbeatRecoveryProperty.NAME, CapabilityConvergenceProperty.NAME);
    assertThat(results).hasSize(28);
    assertThat(results.subList(1, results.size())).allSatisfy(result ->
        assertThat(result.status()).as(result.name()).isEqualTo(PropertyStatus.NOT_EXERCISED));
    assertThat(results).extracting(PropertyResult::kind).containsOnly("always", "eventually", "sometimes");
    assertThat(results.subList(23, 28)).extracting(PropertyResult::kind).containsOnly("sometimes");
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
