package io.cvolsim.scenarios.properties;

import io.cvolsim.checker.history.History;
import io.cvolsim.model.broker.BrokerLog;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.dlm.LockLog;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.model.storage.StorageIoLog;
import io.cvolsim.model.workers.WorkerLog;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What a finished run leaves for the properties (DESIGN.md "What a run leaves for the checker"):
 * the client history, the storage I/O log, the lock log, the workers log, the broker log, the
 * database at the end, and when each phase ended. Properties read these, never live objects.
 *
 * @param faultWindowEndNanos true time when faults stopped and healing began
 * @param endNanos true time when the run ended (after the quiescence period)
 * @param fencedNodes nodes the harness powered off (STONITH or self-fencing), with true times
 * @param fenceEndedNanos for fenced nodes that were started again later, when (true time)
 * @param probes coverage marks of the run
 * @param services heartbeats acknowledged and services declared down, in true time
 * @param serviceDownTimeNanos the deployment's effective service_down_time
 * @param heartbeatRecoveryBoundNanos how soon after getting its database back a healthy service
 *     must have a heartbeat acknowledged (L5): report_interval, or the statement timeout if longer
 *     (a beat sent into the outage waits that long before the next is due), plus one round trip
 */
public record RunArtifacts(History history, SortedMap<String, List<Row>> databaseAtEnd, StorageIoLog storage,
    LockLog locks, WorkerLog workers, BrokerLog broker, long faultWindowEndNanos, long endNanos,
    Map<String, Long> fencedNodes, Map<String, Long> fenceEndedNanos, SortedMap<String, Long> probes,
    ServiceLog services, long serviceDownTimeNanos, long heartbeatRecoveryBoundNanos) {

  /** Artifacts of a run without services to judge (the first slice, hand-built logs). */
  public RunArtifacts(History history, SortedMap<String, List<Row>> databaseAtEnd, StorageIoLog storage,
      LockLog locks, WorkerLog workers, BrokerLog broker, long faultWindowEndNanos, long endNanos,
      Map<String, Long> fencedNodes, Map<String, Long> fenceEndedNanos, SortedMap<String, Long> probes) {
    this(history, databaseAtEnd, storage, locks, workers, broker, faultWindowEndNanos, endNanos, fencedNodes,
        fenceEndedNanos, probes, new ServiceLog(() -> 0), 1, 1);
  }
}
