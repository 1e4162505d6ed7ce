package io.cvolsim.model.volume;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.config.AttachReuse;
import io.cvolsim.model.db.Assignment;
import io.cvolsim.model.db.Condition;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.dlm.LockWait;
import io.cvolsim.model.rpc.VolumeRpc;
import io.cvolsim.model.workers.ResourceType;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * The manager's snapshot, extend, attach, detach, retype and migrate operations (reference §2.3,
 * §7.2). None but create_snapshot is cleanable, so only that one touches the workers table.
 */
final class OtherOperations {
  /** How long the array takes to move a volume between storage groups. */
  private static final long STORAGE_GROUP_MOVE_NANOS = Durations.seconds(10);
  private final ManagerContext manager;
  private final VolumeOperations volumes;

  OtherOperations(ManagerContext manager, VolumeOperations volumes) {
    this.manager = manager;
    this.volumes = volumes;
  }

  /**
   * c-vol {@code create_snapshot}. Its snapshot object is loaded first, and the ORM does not load
   * a soft-deleted row (SnapshotNotFound): a redelivered job for a snapshot made and deleted
   * meanwhile must not make it again on the array, where nothing would own it (S6).
   *
   * <p>Under {@code manager.volume_lock=delete-lock} it runs under the snapshot's delete lock and
   * goes ahead only if the snapshot is still creating. Otherwise a second run of the job (a
   * redelivery beside the first) fails on the array, writes error over creating, and lets a delete
   * in while the first run still copies (S1; hardened seed 1325).
   */
  SimFuture<Void> createSnapshot(VolumeRpc.CreateSnapshot job) {
    return volumes.withWorker(ResourceType.SNAPSHOT, job.snapshotId(), "creating", null, claimed ->
        underSnapshotLock(job.snapshotId(), () -> volumes.loaded(Database.SNAPSHOTS, job.snapshotId()).flatMap(snapshot -> {
          if (snapshot == null) {
            manager.node().probe("manager.create-snapshot-not-found");
            return SimFuture.succeeded("deleted");
          }
          if (locksOwnVolume() && !"creating".equals(snapshot.get("status"))) {
            manager.node().probe("manager.create-snapshot-abandoned-after-lock");
            return SimFuture.succeeded(String.valueOf(snapshot.get("status")));
          }
          return volumes.driverFor(claimed).createSnapshot(job.snapshotId(), job.volumeId()).thenHandle(outcome -> {
            String status = outcome.isSuccess() ? "available" : "error";
            return manager.writer().complete(Database.SNAPSHOTS, job.snapshotId(), "creating",
                Row.values("status", status)).map(ignored -> status);
          });
        })));
  }

  private boolean locksOwnVolume() {
    return manager.config().volumeLock() == io.cvolsim.model.config.VolumeLock.DELETE_LOCK;
  }

  private <T> SimFuture<T> underSnapshotLock(String snapshotId, Supplier<SimFuture<T>> body) {
    return locksOwnVolume() ? manager.locks().synchronizedOn(List.of(snapshotId + "-delete_snapshot"),
        LockWait.forever(), "create_snapshot", body) : body.get();
  }

  /** Under {@code <snapshot>-delete_snapshot}, which a clone from the snapshot also takes. */
  SimFuture<Void> deleteSnapshot(VolumeRpc.DeleteSnapshot job) {
    return manager.locks().synchronizedOn(List.of(job.snapshotId() + "-delete_snapshot"), LockWait.forever(),
        "delete_snapshot", () -> manager.driver().deleteSnapshot(job.snapshotId()).thenHandle(outcome -> {
          SortedMap<String, Object> fields = outcome.isSuccess()
              ? Row.values("status", "deleted", "deleted", true) : Row.values("status", "error_deleting");
          return manager.writer().save(Database.SNAPSHOTS, job.snapshotId(), fields).map(ignored -> null);
        }));
  }

  SimFuture<Void> extend(VolumeRpc.ExtendVolume job) {
    return underVolumeLocks(job.volumeId(), "extend_volume", List.of(), () -> volumes.loaded(job.volumeId()).flatMap(volume -> {
      if (volume == null) {
        return SimFuture.succeeded(null);
      }
      return manager.driver().extendVolume(job.volumeId(), (int) job.newSizeGb()).thenHandle(outcome -> {
        if (outcome.isSuccess()) {
          manager.capacity().extended(job.newSizeGb() - volume.longValue("size", 0));
        }
        return finish(job.volumeId(), "extending", outcome.isSuccess()
              ? Row.values("status", restStatus(volume), "size", job.newSizeGb())
              : Row.values("status", "error_extending"));
      });
    }));
  }

  /**
   * Legacy attach, under the {@code <volume>} lock. With attachment rows on it is Cinder's
   * manager: {@code volume_attach} inserts the attachment as attaching, the driver exports, and
   * {@code volume_attached} marks it attached beside the volume's in-use; an attachment whose
   * volume completion was refused (a CAS completion after a reset or force-delete) or whose export
   * failed ends error_attaching, no longer live.
   */
  SimFuture<Void> attach(VolumeRpc.AttachVolume job) {
    return underVolumeLocks(job.volumeId(), "attach_volume", List.of(job.volumeId()), () ->
        attachmentRow(job).flatMap(attachment -> manager.driver().initializeConnection(job.volumeId(),
            job.instanceHost()).thenHandle(outcome -> {
              if (!outcome.isSuccess()) {
                return markAttachment(attachment, "error_attaching");
              }
              SortedMap<String, Object> attached = Row.values("status", "in-use", "attach_status", "attached");
              if (attachment == null) {
                return manager.writer().complete(Database.VOLUMES, job.volumeId(), "attaching", attached)
                    .map(applied -> null);
              }
              // volume_attached: both rows in one transaction, never the volume half alone
              return manager.writer().completeAttached(job.volumeId(), "attaching", attached, attachment.id())
                  .flatMap(applied -> applied ? SimFuture.<Void>succeeded(null)
                      : markAttachment(attachment, "error_attaching"));
            })));
  }

  /** The attachment an attach works on; {@code reused} when an earlier run of the job made it. */
  private record Attachment(Object id, boolean reused) {}

  /**
   * The attachment, or null when attachment rows are off. An attach for a host that already has
   * an attachment of this volume takes it over: Cinder's manager only an attached one, so a job
   * run again after its first run lost the database adds a second; {@code any-live} any live one.
   */
  private SimFuture<Attachment> attachmentRow(VolumeRpc.AttachVolume job) {
    if (!manager.config().attachmentRows()) {
      return SimFuture.succeeded(null);
    }
    Condition live = Condition.all(Condition.eq("volume_id", job.volumeId()),
        Condition.eq("instance_host", job.instanceHost()), Condition.notEq("deleted", true));
    Condition ofThisHost = manager.config().attachReuse() == AttachReuse.ANY_LIVE ? live
        : Condition.all(live, Condition.eq("attach_status", "attached"));
    return manager.db().select(Database.ATTACHMENTS, ofThisHost).flatMap(existing -> !existing.isEmpty()
        ? SimFuture.succeeded(new Attachment(existing.get(0).get("id"), true))
        : manager.db().insert(Database.ATTACHMENTS, Row.values("volume_id", job.volumeId(), "instance_host",
            job.instanceHost(), "attach_status", "attaching", "deleted", false))
            .map(inserted -> inserted == null ? null : new Attachment(inserted.get("id"), false)));
  }

  /**
   * An attachment an earlier run made is left as that run left it when this run fails, except
   * that under {@code any-live} a failed run ends an attaching row it took over: its earlier run
   * lost the database before its completion, which writes the row and the volume together, so
   * it can never end the row, and the row would stay live beside an available volume (S14;
   * hardened seeds 1015, 1267 and 2068 with attachment rows). The update is conditional, so a
   * row another run made attached meanwhile stays attached.
   */
  private SimFuture<Void> markAttachment(Attachment attachment, String attachStatus) {
    if (attachment != null && attachment.reused() && !"attached".equals(attachStatus)
        && manager.config().attachReuse() == AttachReuse.ANY_LIVE) {
      return manager.db().update(Database.ATTACHMENTS, Condition.all(Condition.eq("id", attachment.id()),
          Condition.eq("attach_status", "attaching")), List.of(Assignment.set("attach_status", attachStatus)))
          .map(updated -> null);
    }
    if (attachment == null || attachment.reused() && !"attached".equals(attachStatus)) {
      return SimFuture.succeeded(null);
    }
    return manager.db().save(Database.ATTACHMENTS, attachment.id(), Row.values("attach_status", attachStatus))
        .map(saved -> null);
  }

  /**
   * Detach, under the {@code <volume>-detach_volume} lock. With attachment rows on, it is
   * {@code volume_detached}: soft-delete this host's attachment, then the volume is in-use while
   * any other attachment is attached, else available and detached - a recompute, not a status
   * CAS (Cinder takes the volume row FOR UPDATE; here a select then an update, a short window).
   */
  SimFuture<Void> detach(VolumeRpc.DetachVolume job) {
    return underVolumeLocks(job.volumeId(), "detach_volume", List.of(job.volumeId() + "-detach_volume"), () ->
        manager.driver().terminateConnection(job.volumeId(), job.instanceHost()).thenHandle(outcome -> {
          if (!outcome.isSuccess()) {
            return finish(job.volumeId(), "detaching", Row.values("status", "in-use"));
          }
          if (!manager.config().attachmentRows()) {
            return finish(job.volumeId(), "detaching", Row.values("status", "available", "attach_status", "detached"));
          }
          return detachedFromAttachments(job);
        }));
  }

  private SimFuture<Void> detachedFromAttachments(VolumeRpc.DetachVolume job) {
    Condition live = Condition.all(Condition.eq("volume_id", job.volumeId()), Condition.notEq("deleted", true));
    Condition ofThisHost = Condition.all(live, Condition.eq("instance_host", job.instanceHost()));
    return manager.db().update(Database.ATTACHMENTS, ofThisHost, List.of(Assignment.set("deleted", true),
            Assignment.set("attach_status", "detached")))
        .flatMap(removed -> manager.db().select(Database.ATTACHMENTS, live))
        .flatMap(left -> {
          boolean attached = left.stream().anyMatch(row -> "attached".equals(row.get("attach_status")));
          // volume_detached recomputes the volume from its attachments, whatever its status says
          // now (an os-roll_detaching may have raced it), on a volume that still lives.
          return manager.writer().recompute(Database.VOLUMES, job.volumeId(), attached
              ? Row.values("status", "in-use", "attach_status", "attached")
              : Row.values("status", "available", "attach_status", "detached"));
        }).map(updated -> null);
  }

  /**
   * Retype without migration: back to the previous status with the new type. A driver with
   * storage groups first moves the volume from its type's group to the new type's, holding both
   * groups' locks named in that order (PowerMax's nested decorators; V20 decides the order taken).
   */
  SimFuture<Void> retype(VolumeRpc.Retype job) {
    return volumes.loaded(job.volumeId()).flatMap(volume -> {
      if (volume == null) {
        return SimFuture.succeeded(null);
      }
      Supplier<SimFuture<Void>> finishRetype = () -> finish(job.volumeId(), "retyping",
          Row.values("status", previousOr(volume), "volume_type_id", job.newVolumeTypeId()));
      if (!manager.driver().movesStorageGroups()) {
        return finishRetype.get();
      }
      List<String> groups = List.of("sg-" + volume.get("volume_type_id"), "sg-" + job.newVolumeTypeId());
      return manager.locks().synchronizedOn(groups, LockWait.forever(), "move_volume_between_storage_groups",
          () -> manager.node().sleep("storage-group move", STORAGE_GROUP_MOVE_NANOS).flatMap(moved -> finishRetype.get()));
    });
  }

  /** Migration, with the data move abstracted: migration_status ends in success. */
  SimFuture<Void> migrate(VolumeRpc.MigrateVolume job) {
    return manager.writer().save(Database.VOLUMES, job.volumeId(), Row.values("migration_status", "success"))
        .map(ignored -> null);
  }

  /** Cinder's locks for an operation, plus the volume's delete lock when so configured. */
  private SimFuture<Void> underVolumeLocks(String volumeId, String purpose, List<String> cinderLocks,
      Supplier<SimFuture<Void>> body) {
    List<String> locks = new java.util.ArrayList<>(cinderLocks);
    if (locksOwnVolume()) {
      locks.add(volumeId + "-delete_volume");
    }
    return locks.isEmpty() ? body.get() : manager.locks().synchronizedOn(locks, LockWait.forever(), purpose, body);
  }

  private SimFuture<Void> finish(String volumeId, String fromStatus, SortedMap<String, Object> fields) {
    return manager.writer().complete(Database.VOLUMES, volumeId, fromStatus, fields).map(ignored -> null);
  }

  private static String restStatus(Row volume) {
    return "attached".equals(volume.get("attach_status")) ? "in-use" : "available";
  }

  private static Object previousOr(Row volume) {
    Object previous = volume.get("previous_status");
    return previous == null ? restStatus(volume) : previous;
  }
}
