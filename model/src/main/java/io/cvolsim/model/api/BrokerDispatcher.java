package io.cvolsim.model.api;

import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.broker.BrokerClient;
import io.cvolsim.model.broker.QueueNames;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.rpc.CleanupResponse;
import io.cvolsim.model.rpc.SchedulerRpc;
import io.cvolsim.model.rpc.VolumeRpc;
import io.cvolsim.model.workers.CleanupRequest;
import io.cvolsim.model.workers.ResourceType;
import io.cvolsim.model.workers.WorkerTable;

/**
 * Cinder's rpcapi layer in a full deployment (reference §4.2, §5.3): creates go to the scheduler
 * topic, work on an existing volume to its {@code service_topic_queue}. As in Cinder, the rpcapi
 * creates the workers row for create_volume and delete_volume before casting, so an API that
 * dies in between leaves a row nobody ever claims (O3).
 */
public final class BrokerDispatcher implements JobDispatcher {
  /** Nova's compute host in attach and detach calls. */
  static final String INSTANCE_HOST = "nova-compute-1";
  /** oslo.messaging's rpc_response_timeout: how long the API waits on a call to c-vol. */
  static final long RPC_RESPONSE_TIMEOUT_NANOS = io.cvolsim.kernel.api.Durations.seconds(60);
  private final BrokerClient broker;
  private final WorkerTable workers;
  private final long workCleanupTimeoutNanos;

  public BrokerDispatcher(BrokerClient broker, WorkerTable workers, long workCleanupTimeoutNanos) {
    this.broker = broker;
    this.workers = workers;
    this.workCleanupTimeoutNanos = workCleanupTimeoutNanos;
  }

  @Override
  public SimFuture<Void> dispatch(VolumeJob job, Row volume) {
    if (job instanceof VolumeJob.CreateVolume create) {
      return workers.createWorker(ResourceType.VOLUME, create.volumeId(), "creating").map(created -> {
        broker.cast(QueueNames.SCHEDULER_TOPIC, new SchedulerRpc.CreateVolume(create.volumeId(),
            create.sourceVolumeId(), create.sourceSnapshotId(), create.sizeGb()));
        return null;
      });
    }
    if (job instanceof VolumeJob.DeleteVolume delete) {
      if (volume.get("host") == null) {
        return SimFuture.failed(Failure.error("volume " + delete.volumeId() + " is not assigned to a host"));
      }
      return workers.createWorker(ResourceType.VOLUME, delete.volumeId(), "deleting").map(created -> {
        castToVolume(volume, new VolumeRpc.DeleteVolume(delete.volumeId()));
        return null;
      });
    }
    boolean viaScheduler = viaScheduler(job);
    if (!viaScheduler && volume.get("host") == null) {
      // extract_host(None) raises in Cinder's rpcapi after the CAS: a 500 with the status changed.
      return SimFuture.failed(Failure.error("volume " + job.volumeId() + " is not assigned to a host"));
    }
    broker.cast(viaScheduler ? QueueNames.SCHEDULER_TOPIC : volumeTopic(volume), rpcFor(job));
    return SimFuture.succeeded(null);
  }

  private static boolean viaScheduler(VolumeJob job) {
    return job instanceof VolumeJob.ExtendVolume || job instanceof VolumeJob.RetypeVolume
        || job instanceof VolumeJob.MigrateVolume || job instanceof VolumeJob.CreateSnapshot;
  }

  private static io.cvolsim.kernel.api.Message rpcFor(VolumeJob job) {
    if (job instanceof VolumeJob.ExtendVolume extend) {
      return new SchedulerRpc.ExtendVolume(extend.volumeId(), extend.newSizeGb());
    }
    if (job instanceof VolumeJob.RetypeVolume retype) {
      return new SchedulerRpc.Retype(retype.volumeId(), retype.newVolumeTypeId());
    }
    if (job instanceof VolumeJob.MigrateVolume migrate) {
      return new SchedulerRpc.MigrateVolume(migrate.volumeId(), migrate.destinationHost());
    }
    if (job instanceof VolumeJob.CreateSnapshot snapshot) {
      return new SchedulerRpc.CreateSnapshot(snapshot.snapshotId(), snapshot.volumeId());
    }
    if (job instanceof VolumeJob.DeleteSnapshot snapshot) {
      return new VolumeRpc.DeleteSnapshot(snapshot.snapshotId(), snapshot.volumeId());
    }
    if (job instanceof VolumeJob.AttachVolume attach) {
      return new VolumeRpc.AttachVolume(attach.volumeId(), INSTANCE_HOST);
    }
    VolumeJob.DetachVolume detach = (VolumeJob.DetachVolume) job;
    return new VolumeRpc.DetachVolume(detach.volumeId(), INSTANCE_HOST);
  }

  private void castToVolume(Row volume, VolumeRpc rpc) {
    broker.cast(volumeTopic(volume), rpc);
  }

  private static String volumeTopic(Row volume) {
    return QueueNames.volumeTopic(QueueNames.serviceTopicQueue(volume.string("cluster_name"), volume.string("host")));
  }

  @Override
  public SimFuture<Void> callVolume(VolumeRpc rpc, Row volume) {
    if (volume.get("host") == null) {
      return SimFuture.failed(Failure.error("volume " + volume.get("id") + " is not assigned to a host"));
    }
    return broker.call(volumeTopic(volume), rpc, io.cvolsim.kernel.api.Message.class, RPC_RESPONSE_TIMEOUT_NANOS)
        .map(answer -> null);
  }

  @Override
  public SimFuture<CleanupResponse> workCleanup(CleanupRequest request) {
    return broker.call(QueueNames.SCHEDULER_TOPIC, new SchedulerRpc.WorkCleanup(request), CleanupResponse.class,
        workCleanupTimeoutNanos);
  }
}
