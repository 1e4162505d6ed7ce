package io.cvolsim.scenarios.config;

import io.cvolsim.scenarios.config.Preset.Choice;
import java.util.List;
import java.util.Optional;

/**
 * {@code cinder-today}: every variant as Cinder's code behaves now (reference, [code]).
 * {@code hardened}: the combination this project recommends, each choice with its reason.
 */
public final class Presets {
  public static final Preset CINDER_TODAY = new Preset("cinder-today",
      "what Cinder's code does today; the baseline of every design review",
      List.of(
          new Choice("api.transition=cas", "Mitaka's conditional updates [code cinder/volume/api.py]"),
          new Choice("api.unscheduled_delete=destroy", "delete of a never-scheduled volume destroys it unconditionally"),
          new Choice("api.source_delete=queue", "the delete waits on the source's lock at c-vol (§7.6)"),
          new Choice("api.error_reporting=generic", "a failed CAS gives one generic error (§3)"),
          new Choice("api.attachment_lock=dlm", "attachment_update takes attachment_update-<volume>-<host> and backs out "
              + "an instance's duplicate attachment (7f3a77b66, LP #1833736); with file locks it excludes only "
              + "within one API node"),
          new Choice("api.attachment_delete_status=c-vol", "after 2ec222284 (LP #1937084) only c-vol's "
              + "volume_detached writes the status once attachment_delete has called it"),
          new Choice("scheduler.routing=cluster-queue", "the A/A design: creates go to the cluster's queue"),
          new Choice("scheduler.max_attempts=3", "scheduler_max_attempts' default: a failed create is rescheduled"),
          new Choice("scheduler.capability_stamp=volume-service", "reports carry the volume service's timestamp and "
              + "older ones are dropped (reference §4.3)"),
          new Choice("volume.host_naming=distinct", "the documented A/A configuration: a host per node, one cluster"),
          new Choice("coordination.backend=file", "Tooz's default backend_url is file://$state_path"),
          new Choice("coordination.lease=default", "etcd3gw lock_timeout 30 s, kazoo session 10 s"),
          new Choice("coordination.release_failure=keep-lease", "Tooz keeps a lock whose release raised in its "
              + "acquired set, and its heart keeps the lease alive"),
          new Choice("lock.order=sorted", "coordination.synchronized sorts and de-duplicates (749772a6f)"),
          new Choice("manager.completion=blind", "manager completions are plain save() calls"),
          new Choice("manager.volume_lock=none", "only Cinder's own locks: create does not lock its new volume, extend takes none (reference §7.2)"),
          new Choice("broker.ack=before-dispatch", "oslo.messaging acks before dispatching"),
          new Choice("cleanup.trigger=manual", "automatic cleanup was never implemented"),
          new Choice("cleanup.startup=workers", "init_host cleans its own workers rows (§5.4)"),
          new Choice("volume.attach_reuse=attached", "attach_volume returns the host's attachment only when it is "
              + "already attached, else volume_attach writes a new row"),
          new Choice("volume.capacity_count=at-start", "create_volume counts its capacity before the flow runs "
              + "(bug #1751057, 2018), in the process's own stats"),
          new Choice("volume.uninitialized_driver=consume", "a c-vol whose driver failed still consumes and fails "
              + "every job with DriverNotInitialized"),
          new Choice("cleanup.claim=race-preventer", "the claim CAS since commit 24bab6b7f"),
          new Choice("fencing=none", "no fencing exists in Cinder's code"),
          new Choice("heartbeat.mode=fail-fast", "report_state is not retried since 2023 (bug #2018595)"),
          new Choice("is_up.clock=reader", "Service.is_up compares with the reader's utcnow()"),
          new Choice("report_interval=10s", "Cinder's default"),
          new Choice("service_down_time=60s", "Cinder's default"),
          new Choice("quota.tracking=on", "Cinder keeps the project's quota usage; S13 judges it"),
          new Choice("quota.commit=separate", "reserve, insert and commit are separate transactions, and "
              + "volume_destroy commits before the quota release"),
          new Choice("workers.clock=writer", "workers rows are stamped, and cleanups bounded, by the writing "
              + "process's utcnow()"),
          new Choice("api.unreserve_attachments=not-detached", "unreserve_volume's CASE WHEN has_attachments "
              + "counts every live attachment row that is not detached"),
          new Choice("volume.attachment_rows=on", "attach and detach keep volume_attachment rows; S14 counts "
              + "live attachments per volume"),
          new Choice("backend.capacity_gb=40", "a provisioning limit the workload meets, so the CapacityFilter "
              + "refuses creates and S13 judges every placement")),
      "none: this is the system under review");

  public static final Preset HARDENED = new Preset("hardened",
      "the combination this project recommends as safe under the stated fault assumptions",
      List.of(
          new Choice("api.transition=cas", "one atomic status change per request: exactly one of two racers wins (S3); "
              + "select-for-update (V3) is as safe but retries deadlocks several times as often on multi-master Galera"),
          new Choice("api.unscheduled_delete=cas", "only one of two racing deletes of a never-scheduled volume "
              + "succeeds, and none destroys a volume the scheduler has just placed (S3)"),
          new Choice("api.error_reporting=generic", "no retry loop that a filter the API cannot check could keep "
              + "spinning (V2)"),
          new Choice("api.attachment_lock=dlm", "two racing attaches of one volume to one instance leave one "
              + "attachment: the later is backed out under a lock that, with etcd, excludes across API nodes (S14)"),
          new Choice("api.attachment_delete_status=c-vol", "one writer of the status after a detach, so a delete "
              + "that lands in between cannot turn the detach's answer into a 404 Nova keeps (S14, LP #1937084)"),
          new Choice("api.source_delete=queue", "keeps the clone-then-delete contract; the DLM lock protects the "
              + "source (S2), refusing the delete would buy no safety (V14)"),
          new Choice("scheduler.routing=cluster-queue", "a job is taken by whichever member is alive, not "
              + "pushed to one that may die before consuming it (V4, L1)"),
          new Choice("scheduler.max_attempts=1", "a failed create goes to error where it failed: with one cluster "
              + "the retry filter leaves no backend anyway, and the reschedule's best-effort delete of what the "
              + "driver left can fail and orphan it (S6, runbook 10)"),
          new Choice("scheduler.capability_stamp=database", "reports applied out of order cannot roll a "
              + "backend's state back, and one clock orders every member's reports, so a skewed member's report "
              + "that a partition held can neither overwrite newer ones nor shut them out (V21, L6); one statement "
              + "per report"),
          new Choice("volume.host_naming=distinct", "each node has its own services row, so a dead node is seen "
              + "as down and its own rows alone are cleaned (V5, S8)"),
          new Choice("coordination.backend=etcd", "locks must exclude across nodes; file locks are per node (S2, S10)"),
          new Choice("coordination.lease=120s", "a lease longer than service_down_time, so a node is declared down "
              + "before its locks free (V13); a dead holder's lock frees 120 s after its last refresh (L3)"),
          new Choice("coordination.holder=lease-aware", "a holder silent past its lease gives the lock up by its own "
              + "clock before etcd can free it, and its c-vol sends no storage call until it has released the lock, "
              + "so two holders never overlap (S10) however long a stall or cut-off lasts; without it, any silence "
              + "longer than the lease less one heart period lets a second holder in beside the first, as the "
              + "reference predicts for any lease (seeds 49 and 247 of 1..300 with silences unbounded)"),
          new Choice("coordination.holder_clock_error=20%", "the holder gives a lock up a fifth of the lease early, "
              + "enough for a clock up to 20% slower than etcd's, the most the nemesis drifts one"),
          new Choice("coordination.release_failure=let-expire", "a release lost to a partition frees the lock one "
              + "lease later instead of never, so a delete queued behind it runs (L4)"),
          new Choice("lock.order=sorted", "no deadlock between opposite multi-lock requests (V20)"),
          new Choice("manager.completion=cas", "a completion cannot overwrite a later force-delete, reset or cleanup (S4)"),
          new Choice("manager.volume_lock=delete-lock", "a force-delete waits for a create, extend, attach or "
              + "detach of the same volume instead of deleting under it on another node (S1)"),
          new Choice("broker.ack=after-success", "a job consumed by a node that dies, or that fails because the "
              + "database was out of reach, is redelivered, not lost (L1); a second run after a zombie is refused by "
              + "storage fencing"),
          new Choice("cleanup.trigger=auto", "dead services are cleaned without waiting for an admin (L1, L2)"),
          new Choice("cleanup.startup=workers", "a restarting node cleans only rows it owns, never work its peers "
              + "run on the same host name (V6)"),
          new Choice("cleanup.claim=race-preventer", "exactly one cleaner per row version (S8)"),
          new Choice("volume.attach_reuse=any-live", "an attach run again after a redelivery takes over the "
              + "attaching row its first run left, so one host never has two live attachments (S14, V18)"),
          new Choice("volume.capacity_count=database", "every report holds every volume placed on the backend "
              + "before it, whichever member created it, so a scheduler's view lags only by what was placed since (S13)"),
          new Choice("volume.uninitialized_driver=stay-off", "a member without a driver takes no jobs, so none "
              + "fail on it while healthy members idle (S12)"),
          new Choice("fencing=storage", "the array refuses a cleaned-up node and stale tokens, so a zombie's late "
              + "write cannot land however long it was paused (S1, V11)"),
          new Choice("storage.concurrent_mutations=refuse", "an array capability: a driver call that outlived its "
              + "caller's timeout, whose lock was then released, cannot run beside the next holder's call on the same "
              + "object; token fencing alone cannot refuse it when it arrives first or carries no token (S1)"),
          new Choice("fencing.revocation=incarnation", "a revocation decided on a stale read of the services "
              + "table cannot shut out the process that restarted meanwhile; the array refuses it and the "
              + "cleanup it guarded is withheld"),
          new Choice("heartbeat.mode=fail-fast", "a service is up again one interval after the database returns (L5)"),
          new Choice("is_up.clock=db-server", "one clock decides down-ness, so node clock skew cannot (S11, V17)"),
          new Choice("report_interval=10s", "Cinder's default"),
          new Choice("service_down_time=60s", "Cinder's default"),
          new Choice("quota.tracking=on", "as Cinder, quota usage is kept; S13 judges it"),
          new Choice("quota.commit=atomic", "the usage changes in the transaction that inserts or destroys the "
              + "row, and a destroy releases only a row that still lived, so no crash between the two and no "
              + "second destroy leaves the usage wrong (S13); Cinder's separate steps fail in 71 of 200 seeds of "
              + "the preset's own scenario"),
          new Choice("workers.clock=db-server", "one clock stamps every workers row and bounds every automatic "
              + "and startup cleanup, so a node whose clock ran ahead cannot leave rows that a cleanup on a slower "
              + "clock passes over, so a restarted node consumes with rows of its previous life still its own "
              + "(L2: swarm seed 1266 before restarts saved their services row, and WorkersClockTest); one "
              + "SELECT NOW() per workers write and per cleanup"),
          new Choice("api.unreserve_attachments=attached", "an unreserve leaves the volume in-use only for an "
              + "attached attachment: Cinder's has_attachments also counts the attaching row of the attach being "
              + "rolled back, so an unreserve racing a running attach leaves the volume in-use, the attach's CAS "
              + "completion is refused and nothing is attached (S14 in 48 and linearizability in 24 of deployment "
              + "seeds 1..1500)"),
          new Choice("volume.attachment_rows=on", "as Cinder, attach and detach keep volume_attachment rows; S14 "
              + "counts live attachments per volume"),
          new Choice("backend.capacity_gb=40", "a provisioning limit the workload meets, so the CapacityFilter "
              + "refuses creates and S13 judges every placement"),
          new Choice("workload.admin_resets=off", "a fault assumption, not a protocol choice: reset-state writes "
              + "without conditions, so an admin who forces a volume that is being created to available lets an "
              + "extend run beside the create (S1); no protocol setting can prevent that"),
          new Choice("nemesis.assumed_absent=split,loss-burst,reset-state", "a fault assumption, not a protocol "
              + "choice: the database, broker, DLM and array are never split apart (split-services stays: services "
              + "on either side of them), links are TCP and lose no single message (redelivery stays), and admins "
              + "reset no volume that is not stuck; reset-state writes without conditions, so a reset to available "
              + "of a volume being created lets an extend run beside the create (S1), which no protocol setting "
              + "prevents"),
          new Choice("nemesis.forced_cleanups=off", "a fault assumption, not a protocol choice: an admin's workers "
              + "cleanup never passes is_up=true, which cleans services that are up, zombie-free or not (S8)")),
      "links are TCP (no single message is lost; partitions cut whole links); no clock runs more than 20% slower "
          + "than the DLM server's (else a lease-aware holder reckons its lease too long and S10 fails, though "
          + "storage fencing still keeps S1); admins reset only volumes that are stuck and never force cleanup of "
          + "live services (is_up=true); the database, broker, DLM and array are not partitioned from each other; "
          + "the array applies a revocation before answering it; a paused node's in-flight array call already "
          + "accepted before its revocation may still complete (reported as a zombie write, not prevented)");

  public static final List<Preset> ALL = List.of(CINDER_TODAY, HARDENED);

  private Presets() {}

  public static Optional<Preset> find(String name) {
    return ALL.stream().filter(preset -> preset.name().equals(name)).findFirst();
  }

  public static Preset require(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException("unknown preset '" + name
        + "' (known: cinder-today, hardened)"));
  }
}
