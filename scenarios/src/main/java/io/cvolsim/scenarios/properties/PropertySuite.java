package io.cvolsim.scenarios.properties;

import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Every property of a finished run, in a fixed order: linearizability of the API-visible state,
 * the safety properties (kind "always"), the liveness properties judged at the end (kind
 * "eventually"), then the reachability goals (kind "sometimes", never failures). Each reads only
 * the {@link RunArtifacts}. S11 (up/down consistency) is not here: the database at the end holds
 * only each service's last heartbeat, on its writer's clock, which cannot show when a service was
 * wrongly reported down.
 */
public final class PropertySuite {
  private PropertySuite() {}

  public static List<PropertyResult> check(RunArtifacts artifacts) {
    List<PropertyResult> results = new ArrayList<>();
    results.add(LinearizabilityProperty.check(artifacts.history()));
    results.addAll(checkLogs(artifacts));
    return List.copyOf(results);
  }

  /** Every property except linearizability, which reads the history alone and can be slow. */
  public static List<PropertyResult> checkLogs(RunArtifacts artifacts) {
    List<PropertyResult> results = new ArrayList<>(List.of(
        StorageExclusivityProperty.check(artifacts),
        SourceProtectionProperty.check(artifacts),
        DataIntegrityProperty.check(artifacts),
        FencedWritesProperty.check(artifacts),
        FencingTargetProperty.check(artifacts),
        LostStatusUpdateProperty.check(artifacts),
        WorkerRowsProperty.check(artifacts),
        CleanupOnceProperty.check(artifacts),
        CleanupRacesOwnerProperty.check(artifacts),
        NoCleanupOfNewerWorkProperty.check(artifacts),
        LockSafetyProperty.check(artifacts),
        UpDownConsistencyProperty.check(artifacts),
        ClusterRoutingProperty.check(artifacts),
        CapacityConservationProperty.check(artifacts),
        EventualFinalityProperty.check(artifacts),
        StorageAgreementProperty.check(artifacts),
        OrphanedStorageProperty.check(artifacts),
        QuotaConservationProperty.check(artifacts),
        AttachmentConsistencyProperty.check(artifacts),
        LockReleaseProperty.check(artifacts),
        CleanupAvailabilityProperty.check(artifacts),
        QueuedDeletesProperty.check(artifacts),
        HeartbeatRecoveryProperty.check(artifacts),
        CapabilityConvergenceProperty.check(artifacts)));
    results.addAll(ReachabilityGoals.check(artifacts));
    return List.copyOf(results);
  }
}
