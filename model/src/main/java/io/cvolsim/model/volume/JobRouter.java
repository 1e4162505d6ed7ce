package io.cvolsim.model.volume;

import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.rpc.VolumeRpc;
import io.cvolsim.model.workers.Cleaner;
import java.util.function.Supplier;

/** Hands each volume job to the manager operation that runs it. */
final class JobRouter {
  private final VolumeOperations volumes;
  private final OtherOperations others;
  private final AttachmentOperations attachments;
  private final Supplier<Cleaner> cleaner;

  JobRouter(ManagerContext manager, Supplier<Cleaner> cleaner) {
    this.volumes = new VolumeOperations(manager);
    this.others = new OtherOperations(manager, volumes);
    this.attachments = new AttachmentOperations(manager);
    this.cleaner = cleaner;
  }

  SimFuture<?> run(VolumeRpc job) {
    if (job instanceof VolumeRpc.CreateVolume create) {
      return volumes.create(create);
    }
    if (job instanceof VolumeRpc.DeleteVolume delete) {
      return volumes.delete(delete.volumeId(), null);
    }
    if (job instanceof VolumeRpc.CreateSnapshot snapshot) {
      return others.createSnapshot(snapshot);
    }
    if (job instanceof VolumeRpc.DeleteSnapshot snapshot) {
      return others.deleteSnapshot(snapshot);
    }
    if (job instanceof VolumeRpc.ExtendVolume extend) {
      return others.extend(extend);
    }
    if (job instanceof VolumeRpc.AttachVolume attach) {
      return others.attach(attach);
    }
    if (job instanceof VolumeRpc.DetachVolume detach) {
      return others.detach(detach);
    }
    if (job instanceof VolumeRpc.AttachmentUpdate update) {
      return attachments.update(update);
    }
    if (job instanceof VolumeRpc.AttachmentDelete delete) {
      return attachments.delete(delete);
    }
    if (job instanceof VolumeRpc.Retype retype) {
      return others.retype(retype);
    }
    if (job instanceof VolumeRpc.MigrateVolume migrate) {
      return others.migrate(migrate);
    }
    VolumeRpc.DoCleanup cleanup = (VolumeRpc.DoCleanup) job;
    return cleaner.get().doCleanup(cleanup.request());
  }
}
