package io.cvolsim.model.api;

import static io.cvolsim.model.db.Condition.eq;
import static io.cvolsim.model.db.Condition.in;

import io.cvolsim.kernel.api.Message;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.api.ApiResponse.Code;
import io.cvolsim.model.db.Assignment;
import io.cvolsim.model.db.Condition;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.db.DbStatement;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.quota.QuotaUsage;
import io.cvolsim.model.config.UnscheduledDelete;
import io.cvolsim.model.workers.CleanupRequest;
import io.cvolsim.model.workers.WorkersClock;
import java.util.ArrayList;
import java.util.List;

/**
 * The API requests that are not a single status transition (reference §2.2): create (the source
 * is only read-checked), destroying a never-scheduled volume, snapshots (insert then re-check),
 * and the admin actions reset-state and workers cleanup.
 */
final class ApiSideRequests {
  private static final long DEFAULT_SIZE_GB = 1;
  private final NodeContext context;
  private final DbClient db;
  private final JobDispatcher dispatcher;
  private final QuotaUsage quota;
  private final WorkersClock workersClock;

  ApiSideRequests(NodeContext context, DbClient db, JobDispatcher dispatcher, QuotaUsage quota,
      WorkersClock workersClock) {
    this.quota = quota;
    this.workersClock = workersClock;
    this.context = context;
    this.db = db;
    this.dispatcher = dispatcher;
  }

  /** Handles the request when it is one of these; null when it is a plain transition. */
  SimFuture<ApiResponse> handle(VolumeRequest request, Row volume) {
    if (request instanceof VolumeRequest.CreateSnapshot snapshot) {
      return createSnapshot(snapshot, volume);
    }
    if (request instanceof VolumeRequest.DeleteSnapshot snapshot) {
      return deleteSnapshot(snapshot, volume);
    }
    if (request instanceof VolumeRequest.ResetState reset) {
      return resetState(reset, volume);
    }
    return null;
  }

  /**
   * Reserve quota, INSERT with status creating, then commit the reservation (or roll it back if the
   * row exists); a source volume or snapshot is only read-checked, never changed.
   */
  SimFuture<ApiResponse> create(VolumeRequest.Create create) {
    return sourceAllows(create).flatMap(allowed -> {
      if (!allowed) {
        context.probe("api.create-source-invalid");
        return SimFuture.succeeded(ApiResponse.of(Code.REJECTED, "invalid source for " + create.volumeId()));
      }
      return quota.insertCounted(newVolume(create))
          .flatMap(inserted -> inserted == null
              ? SimFuture.succeeded(ApiResponse.of(Code.CONFLICT, "volume " + create.volumeId() + " exists"))
              : dispatcher.dispatch(new VolumeJob.CreateVolume(create.volumeId(),
                      create.sourceVolumeId(), create.sourceSnapshotId(), DEFAULT_SIZE_GB), inserted)
                  .map(ignored -> new ApiResponse(Code.ACCEPTED, "create", inserted)));
    });
  }

  private Row newVolume(VolumeRequest.Create create) {
    return Row.of(Row.values("id", create.volumeId(), "status", "creating",
        "attach_status", "detached", "multiattach", false, "volume_type_id", create.volumeTypeId(),
        "size", DEFAULT_SIZE_GB, "deleted", false, "created_at", context.localTimeNanos(),
        "source_volid", create.sourceVolumeId(), "snapshot_id", create.sourceSnapshotId()));
  }

  private SimFuture<Boolean> sourceAllows(VolumeRequest.Create create) {
    if (create.sourceVolumeId() != null) {
      return statusIn(Database.VOLUMES, create.sourceVolumeId(), List.of("available", "in-use"));
    }
    if (create.sourceSnapshotId() != null) {
      return statusIn(Database.SNAPSHOTS, create.sourceSnapshotId(), List.of("available"));
    }
    return SimFuture.succeeded(true);
  }

  private SimFuture<Boolean> statusIn(String table, String id, List<String> statuses) {
    return db.get(table, id).map(row -> row != null && !row.isTrue("deleted") && statuses.contains(row.string("status")));
  }

  /**
   * "Scheduling failed, so delete it": no RPC; the row is destroyed here, unconditionally as in
   * Cinder, or under {@link UnscheduledDelete#CAS} only while it still has no host and lives.
   */
  SimFuture<ApiResponse> destroyUnscheduled(Row volume, UnscheduledDelete mode) {
    context.probe("api.destroyed-unscheduled-volume");
    List<Assignment> destroyed = List.of(Assignment.set("status", "deleted"), Assignment.set("deleted", true));
    SimFuture<Boolean> applied = quota.changesWithRow() ? destroyCounted(volume.get("id"), mode, destroyed)
        : mode == UnscheduledDelete.DESTROY
        ? db.update(Database.VOLUMES, liveRow(volume.get("id")), destroyed).map(count -> true)
        : db.conditionalUpdate(Database.VOLUMES, volume.get("id"),
            Condition.all(eq("host", null), eq("deleted", false)), destroyed);
    return applied.flatMap(accepted -> accepted
        ? quota.release().map(released -> new ApiResponse(Code.ACCEPTED, "delete", volume))
        : SimFuture.succeeded(new ApiResponse(Code.REJECTED, "volume changed while being deleted", volume)));
  }

  /**
   * Cinder's volume_destroy goes through model_query, which reads with read_deleted='no': a
   * second destroy of a soft-deleted row matches nothing (Cinder ignores the count either way).
   */
  private static Condition liveRow(Object volumeId) {
    return Condition.all(eq("id", volumeId), Condition.notEq("deleted", true));
  }

  /**
   * The destroy and its release in one transaction (atomic quota keeping): the row is locked, and
   * released only if it still lived, so two racing destroys release once.
   */
  private SimFuture<Boolean> destroyCounted(Object volumeId, UnscheduledDelete mode, List<Assignment> destroyed) {
    return db.inTransaction(transaction -> transaction.selectForUpdate(Database.VOLUMES, "id", volumeId)
        .flatMap(rows -> {
          Row now = rows.isEmpty() ? null : rows.get(0);
          boolean lived = now != null && !now.isTrue("deleted");
          boolean lands = mode == UnscheduledDelete.DESTROY ? now != null : lived && now.get("host") == null;
          if (!lands) {
            return transaction.rollback().map(ignored -> mode == UnscheduledDelete.DESTROY);
          }
          List<DbStatement> writes = new ArrayList<>();
          writes.add(new DbStatement.Update(Database.VOLUMES, liveRow(volumeId), destroyed));
          writes.addAll(quota.changeWithRow(lived ? -1 : 0));
          return transaction.commit(writes).map(changed -> true);
        }));
  }

  /**
   * No CAS: check the volume as read, insert the snapshot, re-read the volume and re-check; an
   * invalid status now destroys the new row. With delete's no-snapshots filter this is safe.
   */
  private SimFuture<ApiResponse> createSnapshot(VolumeRequest.CreateSnapshot request, Row volume) {
    if (!"available".equals(volume.get("status")) || volume.get("host") == null) {
      return SimFuture.succeeded(new ApiResponse(Code.REJECTED, "volume not available", volume));
    }
    return db.insert(Database.SNAPSHOTS, Row.values("id", request.snapshotId(), "volume_id", request.volumeId(),
            "status", "creating", "deleted", false, "created_at", context.localTimeNanos()))
        .flatMap(inserted -> inserted == null
            ? SimFuture.succeeded(ApiResponse.of(Code.CONFLICT, "snapshot exists"))
            : db.get(Database.VOLUMES, request.volumeId()).flatMap(again -> recheck(request, again)));
  }

  private SimFuture<ApiResponse> recheck(VolumeRequest.CreateSnapshot request, Row volume) {
    if (volume == null || !"available".equals(volume.get("status"))) {
      context.probe("api.snapshot-recheck-failed");
      return db.delete(Database.SNAPSHOTS, eq("id", request.snapshotId()))
          .map(ignored -> new ApiResponse(Code.REJECTED, "volume changed", volume));
    }
    return dispatcher.dispatch(new VolumeJob.CreateSnapshot(request.volumeId(), request.snapshotId()), volume)
        .map(ignored -> new ApiResponse(Code.ACCEPTED, "create-snapshot", volume));
  }

  private SimFuture<ApiResponse> deleteSnapshot(VolumeRequest.DeleteSnapshot request, Row volume) {
    Condition expected = Condition.all(eq("cgsnapshot_id", null), eq("group_snapshot_id", null),
        in("status", "available", "error"));
    return db.conditionalUpdate(Database.SNAPSHOTS, request.snapshotId(), expected,
            List.of(Assignment.set("status", "deleting")))
        .flatMap(accepted -> !accepted
            ? SimFuture.succeeded(new ApiResponse(Code.REJECTED, "invalid snapshot", volume))
            : dispatcher.dispatch(new VolumeJob.DeleteSnapshot(request.volumeId(), request.snapshotId()), volume)
                .map(ignored -> new ApiResponse(Code.ACCEPTED, "delete-snapshot", volume)));
  }

  /**
   * os-reset_status: a write without conditions; then the workers row is meant to go, but the
   * code names the type 'VOLUME' while rows store 'Volume', so nothing matches (O2).
   */
  private SimFuture<ApiResponse> resetState(VolumeRequest.ResetState reset, Row volume) {
    return db.save(Database.VOLUMES, reset.volumeId(), Row.values("status", reset.status()))
        .flatMap(ignored -> db.delete(Database.WORKERS,
            Condition.all(eq("resource_type", "VOLUME"), eq("resource_id", reset.volumeId()))))
        .map(deleted -> {
          if (deleted == 0) {
            context.probe("api.reset-state-left-worker-row");
          }
          return new ApiResponse(Code.ACCEPTED, "reset-state", volume);
        });
  }

  /**
   * {@code POST /workers/cleanup}: without an {@code until}, now on this API node's clock, or on the
   * database's when workers rows carry its clock (a statement, which fails the request when the
   * database is out of reach).
   */
  SimFuture<? extends Message> workersCleanup(WorkersCleanupRequest request) {
    CleanupRequest filters = request.filters();
    if (filters.untilNanos() != null) {
      return dispatcher.workCleanup(filters);
    }
    return workersClock.now(context, db).flatMap(now -> dispatcher.workCleanup(filters.withUntilNanos(now)));
  }
}
