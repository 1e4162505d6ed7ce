package io.cvolsim.model.standin;

import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.model.api.StatusWriteObserver;
import io.cvolsim.model.api.StatusWriteObserver.WriteOutcome;
import io.cvolsim.model.api.VolumeJob;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.db.Row;
import java.util.SortedMap;

/**
 * STAND-IN for the scheduler and c-vol of the first slice: it takes each job the API casts,
 * waits a drawn work time and completes the transitional status with a plain (blind) save
 * through the same database interface, as Cinder's manager completions do (reference §2.3). It
 * has no workers table, locks, driver or cleanup; the full deployment replaces it.
 */
public final class VolumeServiceStandIn implements Node {
  /** Where the stand-in says its volumes live. */
  public static final String STANDIN_HOST = "standin@lvm#pool";

  private final NodeContext context;
  private final StandInOptions options;
  private final DbClient db;
  private final StatusWriteObserver observer;

  public VolumeServiceStandIn(NodeContext context, StandInOptions options, StatusWriteObserver observer) {
    this.context = context;
    this.options = options;
    this.observer = observer;
    this.db = new DbClient(context, options.database(), options.statementTimeoutNanos());
  }

  @Override
  public void start() {
    // Jobs in flight are lost with a crash, as they are with a real c-vol after the ack.
  }

  @Override
  public void onMessage(Incoming incoming) {
    if (!(incoming.message() instanceof VolumeJob job)) {
      throw new IllegalStateException("the stand-in only takes volume jobs: " + incoming.message());
    }
    long workNanos = context.choices().durationNanos("standin.work " + job.volumeId(),
        options.workMinNanos(), options.workMaxNanos());
    context.setTimer("work " + job, workNanos, () -> complete(job));
  }

  /** Loads the volume as the manager loads its object, then saves the completion blindly. */
  private void complete(VolumeJob job) {
    if (job instanceof VolumeJob.CreateSnapshot || job instanceof VolumeJob.DeleteSnapshot) {
      completeSnapshot(job);
      return;
    }
    db.get(Database.VOLUMES, job.volumeId()).whenComplete(loaded -> {
      if (loaded instanceof Outcome.Success<Row> success && success.value() != null) {
        save(job, completionFields(job, success.value()));
      } else {
        context.probe("standin.volume-not-loaded");
      }
    });
  }

  private void save(VolumeJob job, SortedMap<String, Object> fields) {
    long token = observer.started(context.self().name(), job.volumeId(), fields);
    db.save(Database.VOLUMES, job.volumeId(), fields).whenComplete(outcome -> {
      if (outcome instanceof Outcome.Success<Boolean> success) {
        observer.finished(token, success.value() ? WriteOutcome.APPLIED : WriteOutcome.NOT_APPLIED);
      } else {
        context.probe("standin.completion-unknown");
        observer.finished(token, WriteOutcome.UNKNOWN);
      }
    });
  }

  private void completeSnapshot(VolumeJob job) {
    String snapshotId = job instanceof VolumeJob.CreateSnapshot create ? create.snapshotId()
        : ((VolumeJob.DeleteSnapshot) job).snapshotId();
    SortedMap<String, Object> fields = job instanceof VolumeJob.CreateSnapshot
        ? Row.values("status", "available") : Row.values("status", "deleted", "deleted", true);
    db.save(Database.SNAPSHOTS, snapshotId, fields);
  }

  /** The fields the manager's completion saves, per reference §2.3. */
  static SortedMap<String, Object> completionFields(VolumeJob job, Row volume) {
    String restStatus = "attached".equals(volume.get("attach_status")) ? "in-use" : "available";
    if (job instanceof VolumeJob.CreateVolume) {
      // The stand-in schedules and creates in one step.
      return Row.values("status", "available", "host", STANDIN_HOST);
    }
    if (job instanceof VolumeJob.DeleteVolume) {
      return Row.values("status", "deleted", "deleted", true);
    }
    if (job instanceof VolumeJob.ExtendVolume) {
      return Row.values("status", restStatus);
    }
    if (job instanceof VolumeJob.AttachVolume) {
      return Row.values("status", "in-use", "attach_status", "attached");
    }
    if (job instanceof VolumeJob.DetachVolume) {
      return Row.values("status", "available", "attach_status", "detached");
    }
    if (job instanceof VolumeJob.RetypeVolume retype) {
      Object previous = volume.get("previous_status");
      return Row.values("status", previous == null ? restStatus : previous,
          "volume_type_id", retype.newVolumeTypeId());
    }
    return Row.values("migration_status", "success");
  }
}
