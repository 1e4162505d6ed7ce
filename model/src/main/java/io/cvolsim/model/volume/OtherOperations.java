package io.cvolsim.model.volume;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.SimFuture;
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

  SimFuture<Void> createSnapshot(VolumeRpc.CreateSnapshot job) {
    return volumes.withWorker(ResourceType.SNAPSHOT, job.snapshotId(), "creating", null, claimed ->
        volumes.driverFor(claimed).createSnapshot(job.snapshotId(), job.volumeId()).thenHandle(outcome -> {
          String status = outcome.isSuccess() ? "available" : "error";
          return manager.writer().complete(Database.SNAPSHOTS, job.snapshotId(), "creating",
              Row.values("status", status)).map(ignored -> status);
        }));
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
      return manager.driver().extendVolume(job.volumeId(), (int) job.newSizeGb()).thenHandle(outcome ->
          finish(job.volumeId(), "extending", outcome.isSuccess()
              ? Row.values("status", restStatus(volume), "size", job.newSizeGb())
              : Row.values("status", "error_extending")));
    }));
  }

  /** Legacy attach, under the {@code <volume>} lock. */
  SimFuture<Void> attach(VolumeRpc.AttachVolume job) {
    return underVolumeLocks(job.volumeId(), "attach_volume", List.of(job.volumeId()), () ->
        manager.driver().initializeConnection(job.volumeId(), job.instanceHost()).thenHandle(outcome ->
            outcome.isSuccess()
                ? finish(job.volumeId(), "attaching", Row.values("status", "in-use", "attach_status", "attached"))
                : SimFuture.<Void>succeeded(null)));
  }

  /** Detach, under the {@code <volume>-detach_volume} lock. */
  SimFuture<Void> detach(VolumeRpc.DetachVolume job) {
    return underVolumeLocks(job.volumeId(), "detach_volume", List.of(job.volumeId() + "-detach_volume"), () ->
        manager.driver().terminateConnection(job.volumeId(), job.instanceHost()).thenHandle(outcome ->
            finish(job.volumeId(), "detaching", outcome.isSuccess()
                ? Row.values("status", "available", "attach_status", "detached")
                : Row.values("status", "in-use"))));
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
    if (manager.config().volumeLock() == io.cvolsim.model.config.VolumeLock.DELETE_LOCK) {
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
