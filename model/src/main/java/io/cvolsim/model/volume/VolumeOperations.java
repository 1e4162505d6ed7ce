package io.cvolsim.model.volume;

import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.dlm.LockWait;
import io.cvolsim.model.broker.QueueNames;
import io.cvolsim.model.rpc.SchedulerRpc;
import io.cvolsim.model.rpc.VolumeRpc;
import io.cvolsim.model.storage.VolumeDriver;
import io.cvolsim.model.workers.ResourceType;
import io.cvolsim.model.workers.WorkerEntry;
import io.cvolsim.model.workers.WorkerTable;
import io.cvolsim.model.config.VolumeLock;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The volume manager's create and delete (cinder/volume/manager.py, reference §2.3, §5.3, §7):
 * claim the workers row, take the source-protection locks, call the driver, write the outcome,
 * release the row. Snapshot, extend and attach operations are in {@link OtherOperations}.
 */
final class VolumeOperations {
  /** Marks the failures create_volume does not reschedule (VolumeNotFound, SnapshotNotFound and the like). */
  private static final String NOT_RESCHEDULED = "not rescheduled: ";
  private final ManagerContext manager;

  VolumeOperations(ManagerContext manager) {
    this.manager = manager;
  }

  /** c-vol {@code create_volume}; the source's delete lock is held around the whole flow. */
  SimFuture<Void> create(VolumeRpc.CreateVolume job) {
    return withWorker(ResourceType.VOLUME, job.volumeId(), "creating", null, claimed ->
        loaded(job.volumeId()).flatMap(volume -> {
          if (volume == null) {
            manager.node().probe("manager.create-volume-not-found");
            return SimFuture.succeeded("deleted");
          }
          return manager.writer().save(Database.VOLUMES, job.volumeId(),
                  Row.values("host", manager.config().resourceHost(), "cluster_name", manager.config().clusterName()))
              .flatMap(ignored -> {
                manager.capacity().createStarted(job.volumeId(), job.sizeGb());
                return underSourceLock(job, () -> stillToCreate(job).flatMap(go -> go
                  ? driverCreate(job, driverFor(claimed))
                  : SimFuture.<Void>failed(Failure.error(NOT_RESCHEDULED + "volume " + job.volumeId()
                      + " is no longer being created"))));
              })
              .thenHandle(outcome -> finishCreate(job, outcome, driverFor(claimed)));
        }));
  }

  /** The create flow under the source's delete lock and, if so configured, its own. */
  private SimFuture<Void> underSourceLock(VolumeRpc.CreateVolume job, Supplier<SimFuture<Void>> body) {
    List<String> locks = new ArrayList<>();
    if (job.sourceVolumeId() != null) {
      locks.add(job.sourceVolumeId() + "-delete_volume");
    } else if (job.sourceSnapshotId() != null) {
      locks.add(job.sourceSnapshotId() + "-delete_snapshot");
    }
    if (!locks.isEmpty()) {
      manager.node().probe("manager.clone-took-source-lock");
    }
    if (manager.config().volumeLock() == VolumeLock.DELETE_LOCK) {
      locks.add(job.volumeId() + "-delete_volume");
    }
    return locks.isEmpty() ? body.get() : manager.locks().synchronizedOn(locks, LockWait.forever(), "create_volume", body);
  }

  /**
   * Under the volume's own delete lock (manager.volume_lock=delete-lock) a delete may have run
   * while the create waited for the lock: the create goes ahead only if the volume is still
   * creating, else it would leave an array object for a deleted volume (S5, S6).
   */
  private SimFuture<Boolean> stillToCreate(VolumeRpc.CreateVolume job) {
    if (manager.config().volumeLock() != VolumeLock.DELETE_LOCK) {
      return SimFuture.succeeded(true);
    }
    return loaded(job.volumeId()).map(volume -> {
      boolean creating = volume != null && "creating".equals(volume.get("status"));
      if (!creating) {
        manager.node().probe("manager.create-abandoned-after-lock");
      }
      return creating;
    });
  }

  private SimFuture<Void> driverCreate(VolumeRpc.CreateVolume job, VolumeDriver driver) {
    int size = (int) job.sizeGb();
    if (job.sourceVolumeId() != null) {
      return sourceExists(Database.VOLUMES, job.sourceVolumeId())
          .flatMap(ignored -> driver.createCloneFrom(job.volumeId(), job.sourceVolumeId(), size));
    }
    if (job.sourceSnapshotId() != null) {
      return sourceExists(Database.SNAPSHOTS, job.sourceSnapshotId())
          .flatMap(ignored -> driver.createFromSnapshot(job.volumeId(), job.sourceSnapshotId(), size));
    }
    return driver.createVolume(job.volumeId(), size);
  }

  /** VolumeNotFound / SnapshotNotFound: the source went while the job waited for its lock. */
  private SimFuture<Void> sourceExists(String table, String id) {
    return loaded(table, id).flatMap(source -> source == null
        ? SimFuture.failed(Failure.error(NOT_RESCHEDULED + "source " + id + " not found"))
        : SimFuture.succeeded(null));
  }

  private SimFuture<String> finishCreate(VolumeRpc.CreateVolume job, Outcome<Void> outcome, VolumeDriver driver) {
    if (outcome instanceof Outcome.Failed<Void> failed && job.retry() != null
        && !failed.failure().toString().contains(NOT_RESCHEDULED)) {
      return reschedule(job, driver);
    }
    String status = outcome.isSuccess() ? "available" : "error";
    manager.capacity().createFinished(job.volumeId(), job.sizeGb(), outcome.isSuccess());
    if (!outcome.isSuccess()) {
      manager.node().probe("manager.create-failed");
    }
    return manager.writer().complete(Database.VOLUMES, job.volumeId(), "creating", Row.values("status", status))
        .map(ignored -> status);
  }

  /** c-vol {@code delete_volume}, under the {@code <id>-delete_volume} lock (decorator). */
  SimFuture<Void> delete(String volumeId, WorkerEntry cleaning) {
    return manager.locks().synchronizedOn(List.of(volumeId + "-delete_volume"), LockWait.forever(), "delete_volume", () ->
        withWorker(ResourceType.VOLUME, volumeId, "deleting", cleaning, claimed ->
            loaded(volumeId).flatMap(volume -> volume == null
                ? SimFuture.succeeded("deleted")
                : driverFor(claimed).deleteVolume(volumeId)
                    .thenHandle(outcome -> finishDelete(volumeId, volume.longValue("size", 0), outcome)))));
  }

  private SimFuture<String> finishDelete(String volumeId, long sizeGb, Outcome<Void> outcome) {
    if (!outcome.isSuccess()) {
      manager.node().probe("manager.delete-failed");
      return manager.writer().complete(Database.VOLUMES, volumeId, "deleting", Row.values("status", "error_deleting"))
          .map(ignored -> "error_deleting");
    }
    // volume_destroy soft-deletes the row whatever it holds now; a CAS completion (V19) only if it is
    // still deleting, so that an admin's later reset-state is not overwritten. Atomic quota keeping
    // releases in the same transaction, so no crash can land one without the other.
    SortedMap<String, Object> destroyedFields = Row.values("status", "deleted", "deleted", true);
    SimFuture<Boolean> destroy = manager.quota().changesWithRow()
        ? manager.writer().completeWith(volumeId, "deleting", destroyedFields, manager.quota().changeWithRow(-1))
        : manager.writer().complete(Database.VOLUMES, volumeId, "deleting", destroyedFields);
    return destroy.flatMap(destroyed -> {
      manager.capacity().deleted(volumeId, sizeGb);
      return destroyed ? manager.quota().release() : SimFuture.<Void>succeeded(null);
    }).map(ignored -> "deleted");
  }

  /**
   * create_volume's reschedule on failure: clear host and cluster_name (the status stays
   * creating, so the workers row stays for the scheduler to claim), send the request back to the
   * scheduler with what it already tried, then try to delete whatever the driver left on the array,
   * ignoring failure - which can orphan it (S6). The delete goes through the claim's driver, so it
   * carries the same row version as the create: token fencing refuses a zombie's.
   */
  private SimFuture<String> reschedule(VolumeRpc.CreateVolume job, VolumeDriver driver) {
    manager.node().probe("manager.create-rescheduled");
    manager.capacity().rescheduled(job.volumeId(), job.sizeGb());
    return manager.writer().save(Database.VOLUMES, job.volumeId(), Row.values("host", null, "cluster_name", null))
        .flatMap(saved -> {
          manager.broker().cast(QueueNames.SCHEDULER_TOPIC, new SchedulerRpc.CreateVolume(job.volumeId(),
              job.sourceVolumeId(), job.sourceSnapshotId(), job.sizeGb(), job.retry()));
          return driver.deleteVolume(job.volumeId()).thenHandle(deleted -> {
            if (!deleted.isSuccess()) {
              manager.node().probe("manager.reschedule-delete-failed");
            }
            return SimFuture.succeeded("creating");
          });
        });
  }

  /**
   * The {@code set_workers} decorator: claim the row, run the body, and release the row when the
   * resource's status moved on. A row held by another operation (CleanableInUse) aborts the job.
   */
  SimFuture<Void> withWorker(ResourceType type, String id, String status, WorkerEntry cleaning,
      Function<WorkerEntry, SimFuture<String>> body) {
    return manager.workers().setWorker(type, id, status, cleaning, manager.serviceId()).thenHandle(claim -> {
      if (!(claim instanceof Outcome.Success<WorkerEntry> success)) {
        Failure failure = ((Outcome.Failed<WorkerEntry>) claim).failure();
        manager.node().probe(WorkerTable.isCleanableInUse(failure) ? "manager.cleanable-in-use" : "manager.claim-failed");
        return SimFuture.<Void>failed(failure);
      }
      WorkerEntry entry = success.value();
      return body.apply(entry).thenHandle(result -> {
        String finalStatus = result instanceof Outcome.Success<String> done ? done.value() : status;
        return manager.workers().unsetWorker(entry, finalStatus, manager.serviceId())
            .thenHandle(ignored -> result.isSuccess() ? SimFuture.<Void>succeeded(null)
                : SimFuture.<Void>failed(((Outcome.Failed<String>) result).failure()));
      });
    });
  }

  /**
   * The driver, carrying the claimed row's version as fencing token: row ids grow with every new
   * operation on a resource and a cleaner's claim bumps race_preventer, so (id, race_preventer)
   * only grows, and with token fencing the array refuses the slower, older claimant.
   */
  VolumeDriver driverFor(WorkerEntry claimed) {
    return manager.driver().withFencingToken(RowVersionTokens.of(claimed));
  }

  SimFuture<Row> loaded(String id) {
    return loaded(Database.VOLUMES, id);
  }

  /** The live row, or null when it is missing or soft-deleted. */
  SimFuture<Row> loaded(String table, String id) {
    return manager.db().get(table, id).map(row -> row == null || row.isTrue("deleted") ? null : row);
  }
}
