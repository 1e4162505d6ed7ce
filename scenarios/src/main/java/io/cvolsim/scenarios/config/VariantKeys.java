package io.cvolsim.scenarios.config;

import static io.cvolsim.kernel.api.Durations.seconds;

import io.cvolsim.model.broker.AckMode;
import io.cvolsim.model.config.CapabilityStamping;
import io.cvolsim.model.config.CapacityCounting;
import io.cvolsim.model.config.FencingRevocation;
import io.cvolsim.model.config.VolumeLock;
import io.cvolsim.model.config.ErrorReporting;
import io.cvolsim.model.config.HostNaming;
import io.cvolsim.model.config.ManagerCompletion;
import io.cvolsim.model.config.SchedulerRouting;
import io.cvolsim.model.config.QuotaCommit;
import io.cvolsim.model.config.UnreserveAttachments;
import io.cvolsim.model.workers.WorkersClock;
import io.cvolsim.model.config.SourceDelete;
import io.cvolsim.model.config.StartupCleanup;
import io.cvolsim.model.config.AttachReuse;
import io.cvolsim.model.config.AttachmentDeleteStatus;
import io.cvolsim.model.config.AttachmentLock;
import io.cvolsim.model.config.UninitializedDriver;
import io.cvolsim.model.config.UnscheduledDelete;
import io.cvolsim.model.dlm.CoordinationBackend;
import io.cvolsim.model.dlm.LockOrder;
import io.cvolsim.model.dlm.ReleaseFailure;
import io.cvolsim.kernel.api.Ratio;
import io.cvolsim.model.dlm.LockHolder;
import io.cvolsim.model.service.HeartbeatMode;
import io.cvolsim.model.storage.FencingMode;
import io.cvolsim.model.workers.CleanupClaim;
import io.cvolsim.model.workers.CleanupTrigger;
import io.cvolsim.model.workers.IsUpClock;
import java.util.List;
import java.util.Optional;

/**
 * The design variants of reference §9 as {@code --set} keys, with Cinder's option names where one
 * exists; defaults are what Cinder's code does today.
 */
public final class VariantKeys {
  public static final SettingKey<UnscheduledDelete> UNSCHEDULED_DELETE = new SettingKey<>("api.unscheduled_delete",
      "how the API destroys a volume that never got a host: unconditionally as Cinder does (two deletes both "
          + "succeed), or by CAS on host IS NULL (found by this harness; not in V1-V21)",
      "destroy", Readers.values(UnscheduledDelete.class, UnscheduledDelete::optionValue),
      Readers.choice(UnscheduledDelete.class, UnscheduledDelete::optionValue));

  public static final SettingKey<QuotaCommit> QUOTA_COMMIT = new SettingKey<>("quota.commit",
      "with quota.tracking on, when a create's or destroy's usage change commits: separately, as Cinder does "
          + "(reserve, write the row, commit; destroy, then release), so a node lost in between leaves the usage "
          + "wrong (S13); or atomic, in the transaction that inserts or destroys the row (this project's "
          + "proposal; not in V1-V21)",
      "separate", Readers.values(QuotaCommit.class, QuotaCommit::optionValue),
      Readers.choice(QuotaCommit.class, QuotaCommit::optionValue));

  public static final SettingKey<WorkersClock> WORKERS_CLOCK = new SettingKey<>("workers.clock",
      "whose clock stamps workers rows and bounds a cleanup's until: the writer's, as Cinder (a node whose clock "
          + "runs ahead stamps rows a slower clock's cleanup never selects, so a restarted node consumes with rows "
          + "of its previous life still its own, L2), or the database server's, read before each write and "
          + "cleanup (found by this harness; not in V1-V21)",
      "writer", Readers.values(WorkersClock.class, WorkersClock::optionValue),
      Readers.choice(WorkersClock.class, WorkersClock::optionValue));

  public static final SettingKey<UnreserveAttachments> UNRESERVE_ATTACHMENTS = new SettingKey<>(
      "api.unreserve_attachments", "with attachment rows kept, which rows leave an unreserved volume in-use: any "
          + "live row not detached, Cinder's has_attachments, which counts the attaching row of the attach being "
          + "rolled back, so the volume stays in-use with nothing attached (S14); or attached rows only (found by "
          + "this harness; not in V1-V21)",
      "not-detached", Readers.values(UnreserveAttachments.class, UnreserveAttachments::optionValue),
      Readers.choice(UnreserveAttachments.class, UnreserveAttachments::optionValue));

  public static final SettingKey<SourceDelete> SOURCE_DELETE = new SettingKey<>("api.source_delete",
      "a delete of a volume being cloned (V14): accepted and queued behind the clone's lock, or refused by the "
          + "delete's conditional update (no lock needed, but clone-then-delete scripts get 400s)",
      "queue", Readers.values(SourceDelete.class, SourceDelete::optionValue),
      Readers.choice(SourceDelete.class, SourceDelete::optionValue));

  public static final SettingKey<ErrorReporting> ERROR_REPORTING = new SettingKey<>("api.error_reporting",
      "after a failed conditional update (V2): one generic error (Cinder), or re-read and check each condition "
          + "to name the failed one, retrying while they look fine, without or with a retry cap",
      "generic", Readers.values(ErrorReporting.class, ErrorReporting::optionValue),
      Readers.choice(ErrorReporting.class, ErrorReporting::optionValue));

  public static final SettingKey<SchedulerRouting> SCHEDULER_ROUTING = new SettingKey<>("scheduler.routing",
      "where the scheduler sends a placed create (V4): the cluster's shared queue, or the chosen member's own",
      "cluster-queue", Readers.values(SchedulerRouting.class, SchedulerRouting::optionValue),
      Readers.choice(SchedulerRouting.class, SchedulerRouting::optionValue));

  public static final SettingKey<Integer> SCHEDULER_MAX_ATTEMPTS = new SettingKey<>("scheduler.max_attempts",
      "scheduler_max_attempts: how often one create may be placed; above 1, a c-vol whose create fails clears "
          + "its host, sends it back to the scheduler (which skips backends already tried) and deletes what the "
          + "driver left, best effort", "3", List.of("1..5"), Readers.integer(1, 5));

  public static final SettingKey<AttachReuse> ATTACH_REUSE = new SettingKey<>("volume.attach_reuse",
      "with volume.attachment_rows=on, which attachment of the same host an attach takes over: an attached one "
          + "only (Cinder's manager; a redelivered attach adds a second row, S14), or any live one (idempotent)",
      "attached", Readers.values(AttachReuse.class, AttachReuse::optionValue),
      Readers.choice(AttachReuse.class, AttachReuse::optionValue));

  public static final SettingKey<AttachmentLock> ATTACHMENT_LOCK = new SettingKey<>("api.attachment_lock",
      "with workload.attach_api=attachments, whether the API's attachment_update holds the DLM lock "
          + "attachment_update-<volume>-<host> around a duplicate check that backs out the later attachment of "
          + "an instance (Cinder since 2019, LP #1833736; it excludes across API nodes only with a DLM that does), "
          + "or takes neither, so two racing attaches of one volume to one instance both complete (S14)",
      "dlm", Readers.values(AttachmentLock.class, AttachmentLock::optionValue),
      Readers.choice(AttachmentLock.class, AttachmentLock::optionValue));

  public static final SettingKey<AttachmentDeleteStatus> ATTACHMENT_DELETE_STATUS = new SettingKey<>(
      "api.attachment_delete_status",
      "with workload.attach_api=attachments, who writes the volume's status after a synchronous attachment_delete: "
          + "c-vol alone (Cinder since 2ec222284), or c-vol and then the API again, which answers 404 when a delete "
          + "destroyed the volume in between, so Nova keeps an attachment Cinder removed (LP #1937084, S14)",
      "c-vol", Readers.values(AttachmentDeleteStatus.class, AttachmentDeleteStatus::optionValue),
      Readers.choice(AttachmentDeleteStatus.class, AttachmentDeleteStatus::optionValue));

  public static final SettingKey<Long> DETACH_RETURN_DELAY_MAX = new SettingKey<>("api.detach_return_delay_max",
      "longest the API's greenthread waits to run again after attachment_delete's call to c-vol returned (drawn "
          + "per call; 0s resumes at once and draws nothing): eventlet's scheduling under load, the width of "
          + "LP #1937084's window; keep it below workload.request_timeout or the client gives up first",
      "0s", List.of("0s..1m"), Readers.duration(0, seconds(60)));

  public static final SettingKey<UninitializedDriver> UNINITIALIZED_DRIVER = new SettingKey<>(
      "volume.uninitialized_driver",
      "what a c-vol whose driver never started does (S12, found by this harness): consume its queues and fail "
          + "every job (Cinder's black-hole member), or stay off them and retry the driver",
      "consume", Readers.values(UninitializedDriver.class, UninitializedDriver::optionValue),
      Readers.choice(UninitializedDriver.class, UninitializedDriver::optionValue));

  public static final SettingKey<CapacityCounting> CAPACITY_COUNT = new SettingKey<>("volume.capacity_count",
      "with backend.capacity_gb set, how a c-vol counts the allocated capacity it reports (S13): when a create "
          + "starts, in each process's own counter (Cinder since the bug #1751057 fix), only when it finished (before "
          + "the fix), or summed from the database for each report (found by this harness: a member's counter "
          + "misses its peers' creates)",
      "at-start", Readers.values(CapacityCounting.class, CapacityCounting::optionValue),
      Readers.choice(CapacityCounting.class, CapacityCounting::optionValue));

  public static final SettingKey<CapabilityStamping> CAPABILITY_STAMP = new SettingKey<>("scheduler.capability_stamp",
      "whose clock orders a backend's capability reports (V21): the volume service's, older ones dropped; "
          + "the scheduler's on processing, so the last processed wins; or (proposed) the database server's, read "
          + "by the volume service when it sends, older ones dropped",
      "volume-service", Readers.values(CapabilityStamping.class, CapabilityStamping::optionValue),
      Readers.choice(CapabilityStamping.class, CapabilityStamping::optionValue));

  public static final SettingKey<Long> CAPABILITY_PROCESSING_MAX = new SettingKey<>("scheduler.capability_delay_max",
      "longest a capability report waits for a scheduler greenthread before it is applied (drawn per report; "
          + "0s applies each at once, so reports are never reordered)", "0s",
      List.of("0s..1m"), Readers.duration(0, seconds(60)));

  public static final SettingKey<HostNaming> HOST_NAMING = new SettingKey<>("volume.host_naming",
      "c-vol host names (V5): distinct hosts in one cluster, or the same host on every node (the old A/P trick)",
      "distinct", Readers.values(HostNaming.class, HostNaming::optionValue),
      Readers.choice(HostNaming.class, HostNaming::optionValue));

  public static final SettingKey<CoordinationBackend> COORDINATION_BACKEND = new SettingKey<>(
      "coordination.backend", "the Tooz lock backend (V12): node-local file locks, an etcd or ZooKeeper DLM, "
          + "or the unimplemented workers-table locks of spec ha-aa-manager_locks",
      "file", Readers.values(CoordinationBackend.class, CoordinationBackend::optionValue),
      Readers.choice(CoordinationBackend.class, CoordinationBackend::optionValue));

  public static final SettingKey<Optional<Long>> COORDINATION_LEASE = new SettingKey<>("coordination.lease",
      "the etcd lock lease or the ZooKeeper session timeout (V13); default: etcd 30s, zookeeper 10s",
      "default", List.of("default", "1s..10m"), Readers.durationOrDefault(seconds(1), seconds(600)));

  public static final SettingKey<ReleaseFailure> RELEASE_FAILURE = new SettingKey<>("coordination.release_failure",
      "an etcd lock whose release could not reach the server (found by this harness): Tooz keeps refreshing its "
          + "lease, so it stays taken while the process lives, or it is left to expire one lease later",
      "keep-lease", Readers.values(ReleaseFailure.class, ReleaseFailure::optionValue),
      Readers.choice(ReleaseFailure.class, ReleaseFailure::optionValue));

  public static final SettingKey<LockHolder> LOCK_HOLDER = new SettingKey<>("coordination.holder",
      "what a lock holder knows of its lease (reference §7.4): unaware, as Tooz, whose heart ignores the server's "
          + "answer, so a holder goes on after its lease expired (S10); or lease-aware (this project's proposal; not "
          + "in V1-V21), which gives a lock up once its own clock says the lease could have run out, and whose c-vol "
          + "sends no storage call until it has released the lock",
      "unaware", Readers.values(LockHolder.class, LockHolder::optionValue),
      Readers.choice(LockHolder.class, LockHolder::optionValue));

  public static final SettingKey<Ratio> HOLDER_CLOCK_ERROR = new SettingKey<>("coordination.holder_clock_error",
      "with coordination.holder=lease-aware: how much slower than the DLM server's the holder assumes its clock "
          + "may run; it gives a lock up that share of the lease early (a slower clock than assumed shows the "
          + "lease's end after the server has freed the lock, S10)",
      "20%", List.of("0%..50%"), Readers.percent(50));

  public static final SettingKey<LockOrder> LOCK_ORDER = new SettingKey<>("lock.order",
      "how several locks are taken (V20): sorted and de-duplicated, or in decorator order", "sorted",
      Readers.values(LockOrder.class, LockOrder::optionValue), Readers.choice(LockOrder.class, LockOrder::optionValue));

  public static final SettingKey<ManagerCompletion> MANAGER_COMPLETION = new SettingKey<>("manager.completion",
      "how c-vol writes the status ending an operation (V19): a blind save, or a CAS on the transitional status",
      "blind", Readers.values(ManagerCompletion.class, ManagerCompletion::optionValue),
      Readers.choice(ManagerCompletion.class, ManagerCompletion::optionValue));

  public static final SettingKey<VolumeLock> VOLUME_LOCK = new SettingKey<>("manager.volume_lock",
      "whether c-vol's operations on a volume exclude deleting it: only Cinder's locks (a force-delete runs "
          + "its driver delete beside a create, attach or extend, S1), or they also hold <id>-delete_volume "
          + "(found by this harness)",
      "none", Readers.values(VolumeLock.class, VolumeLock::optionValue),
      Readers.choice(VolumeLock.class, VolumeLock::optionValue));

  public static final SettingKey<AckMode> BROKER_ACK = new SettingKey<>("broker.ack",
      "when a consumer acknowledges a job (V18): on receipt as oslo.messaging does, or after completing it",
      "before-dispatch", Readers.values(AckMode.class, AckMode::optionValue),
      Readers.choice(AckMode.class, AckMode::optionValue));

  public static final SettingKey<CleanupTrigger> CLEANUP_TRIGGER = new SettingKey<>("cleanup.trigger",
      "who starts cleanup of a dead service (V9): an admin only, a periodic scheduler task, or an elected leader",
      "manual", Readers.values(CleanupTrigger.class, CleanupTrigger::optionValue),
      Readers.choice(CleanupTrigger.class, CleanupTrigger::optionValue));

  public static final SettingKey<StartupCleanup> STARTUP_CLEANUP = new SettingKey<>("cleanup.startup",
      "what a starting c-vol cleans (V6): its own workers rows, or every creating/deleting volume on its host "
          + "(before A/A)",
      "workers", Readers.values(StartupCleanup.class, StartupCleanup::optionValue),
      Readers.choice(StartupCleanup.class, StartupCleanup::optionValue));

  public static final SettingKey<CleanupClaim> CLEANUP_CLAIM = new SettingKey<>("cleanup.claim",
      "how a cleaner claims a workers row (V7, V8): CAS on race_preventer, CAS on updated_at, or no CAS",
      "race-preventer", Readers.values(CleanupClaim.class, CleanupClaim::optionValue),
      Readers.choice(CleanupClaim.class, CleanupClaim::optionValue));

  public static final SettingKey<FencingMode> FENCING = new SettingKey<>("fencing",
      "how a node others clean up after is kept off storage (V11): not at all, it fences itself, "
          + "STONITH before cleanup, or the array revokes it and refuses stale tokens",
      "none", Readers.values(FencingMode.class, FencingMode::optionValue),
      Readers.choice(FencingMode.class, FencingMode::optionValue));

  public static final SettingKey<Long> FENCING_SELF_TIMEOUT = new SettingKey<>("fencing.self_timeout",
      "fencing=self: a node fences itself once its last heartbeat is this old (T_self)", "30s",
      List.of("1s..10m"), Readers.duration(seconds(1), seconds(600)));

  public static final SettingKey<io.cvolsim.model.storage.ConcurrentMutations> CONCURRENT_MUTATIONS = new SettingKey<>(
      "storage.concurrent_mutations", "whether the array lets two callers change one object at once (found by this "
          + "harness): a driver call that outlived its caller's timeout still runs after the caller released its "
          + "lock, beside the next holder's; refuse answers the later caller 'busy' while another's change runs",
      "allow", Readers.values(io.cvolsim.model.storage.ConcurrentMutations.class,
          io.cvolsim.model.storage.ConcurrentMutations::optionValue),
      Readers.choice(io.cvolsim.model.storage.ConcurrentMutations.class,
          io.cvolsim.model.storage.ConcurrentMutations::optionValue));

  public static final SettingKey<FencingRevocation> FENCING_REVOCATION = new SettingKey<>("fencing.revocation",
      "fencing=storage: what a revocation names (found by this harness): the host, so a revocation decided "
          + "before the node restarted and arriving after shuts its new process out, or the incarnation judged "
          + "down, which the node writes in its heartbeats and names when it re-admits itself at start",
      "host", Readers.values(FencingRevocation.class, FencingRevocation::optionValue),
      Readers.choice(FencingRevocation.class, FencingRevocation::optionValue));

  public static final SettingKey<Long> FENCING_STONITH_DELAY = new SettingKey<>("fencing.stonith_delay",
      "fencing=stonith: how long the power switch takes; cleanup waits for it", "5s",
      List.of("0s..5m"), Readers.duration(0, seconds(300)));

  public static final SettingKey<HeartbeatMode> HEARTBEAT_MODE = new SettingKey<>("heartbeat.mode",
      "what a failed heartbeat does (V15, V16): try again next interval, retry with back-off, or stop forever",
      "fail-fast", Readers.values(HeartbeatMode.class, HeartbeatMode::optionValue),
      Readers.choice(HeartbeatMode.class, HeartbeatMode::optionValue));

  public static final SettingKey<IsUpClock> IS_UP_CLOCK = new SettingKey<>("is_up.clock",
      "whose clock decides a service is down (V17): the reader's, abs() of the difference, or the database's",
      "reader", Readers.values(IsUpClock.class, IsUpClock::optionValue),
      Readers.choice(IsUpClock.class, IsUpClock::optionValue));

  public static final SettingKey<Long> REPORT_INTERVAL = new SettingKey<>("report_interval",
      "seconds between service heartbeats", "10s", List.of("1s..5m"), Readers.duration(seconds(1), seconds(300)));

  public static final SettingKey<Long> PERIODIC_INTERVAL = new SettingKey<>("periodic_interval",
      "seconds between a c-vol's capability reports to the schedulers (Cinder's periodic task interval)", "60s",
      List.of("1s..5m"), Readers.duration(seconds(1), seconds(300)));

  public static final SettingKey<Long> SERVICE_DOWN_TIME = new SettingKey<>("service_down_time",
      "silence after which a service counts as down (raised to 2.5 x report_interval if not above it)", "60s",
      List.of("1s..30m"), Readers.duration(seconds(1), seconds(1800)));

  public static final SettingKey<Integer> VOLUME_NODES = new SettingKey<>("volume.nodes",
      "c-vol processes in the cluster sharing one backend", "3", List.of("1..7"), Readers.integer(1, 7));

  public static final SettingKey<Integer> SCHEDULER_NODES = new SettingKey<>("scheduler.nodes",
      "cinder-scheduler processes", "2", List.of("1..5"), Readers.integer(1, 5));

  public static final List<SettingKey<?>> ALL = List.of(UNSCHEDULED_DELETE, QUOTA_COMMIT, WORKERS_CLOCK,
      UNRESERVE_ATTACHMENTS, SOURCE_DELETE, ERROR_REPORTING, SCHEDULER_ROUTING,
      HOST_NAMING,
      COORDINATION_BACKEND, COORDINATION_LEASE, RELEASE_FAILURE, LOCK_HOLDER, HOLDER_CLOCK_ERROR, LOCK_ORDER,
      MANAGER_COMPLETION, VOLUME_LOCK, BROKER_ACK, CLEANUP_TRIGGER, STARTUP_CLEANUP, CLEANUP_CLAIM, FENCING, FENCING_SELF_TIMEOUT,
      FENCING_STONITH_DELAY, FENCING_REVOCATION, CONCURRENT_MUTATIONS, HEARTBEAT_MODE, IS_UP_CLOCK, REPORT_INTERVAL, PERIODIC_INTERVAL, SERVICE_DOWN_TIME, VOLUME_NODES,
      SCHEDULER_NODES, CAPABILITY_STAMP, CAPABILITY_PROCESSING_MAX, UNINITIALIZED_DRIVER, ATTACH_REUSE,
      SCHEDULER_MAX_ATTEMPTS, CAPACITY_COUNT, ATTACHMENT_LOCK, ATTACHMENT_DELETE_STATUS, DETACH_RETURN_DELAY_MAX);

  private VariantKeys() {}

}
