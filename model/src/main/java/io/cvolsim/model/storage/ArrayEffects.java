package io.cvolsim.model.storage;

import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.model.storage.StoredObject.Kind;
import io.cvolsim.model.storage.StoredObject.Status;
import java.util.List;
import java.util.Locale;

/**
 * What each call other than a copy does to the array: a check and an immediate change when it
 * arrives ({@link #begin}), and its effect when its time is up ({@link #finish}). The state may
 * have changed in between (a delete may have run meanwhile), so {@code finish} checks again.
 */
final class ArrayEffects {
  /** The answer to a call, or why it failed (then {@code answer} is null). */
  record Result(ArrayResponse answer, String failure) {
    static Result done(String detail) {
      return new Result(new ArrayResponse.Done(detail), null);
    }

    static Result failed(String reason) {
      return new Result(null, reason);
    }

    boolean isFailure() {
      return failure != null;
    }

    String detail() {
      if (isFailure()) {
        return failure;
      }
      if (answer instanceof ArrayResponse.Written written) {
        return "block " + written.blockIndex() + " written as version " + written.stamp();
      }
      if (answer instanceof ArrayResponse.Connected connected) {
        return "exported to " + connected.connection().initiator();
      }
      return answer instanceof ArrayResponse.Done done ? done.detail() : answer.toString();
    }
  }

  private final StorageArray array;
  private final NodeContext context;

  ArrayEffects(StorageArray array, NodeContext context) {
    this.array = array;
    this.context = context;
  }

  /** Checks a call on arrival and makes its immediate change; returns why it cannot run, or null. */
  String begin(StorageCall call) {
    if (call instanceof StorageCall.CreateVolume create) {
      return beginCreate(create);
    }
    if (call instanceof StorageCall.DeleteVolume || call instanceof StorageCall.DeleteSnapshot) {
      return beginDelete(call);
    }
    if (call instanceof StorageCall.ExtendVolume extend) {
      return checkExtend(extend);
    }
    if (call instanceof StorageCall.WriteBlock write) {
      return checkWrite(write);
    }
    if (call instanceof StorageCall.ClearDownload || call instanceof StorageCall.TerminateConnection) {
      return null; // both are idempotent clean-ups that succeed on anything
    }
    return usableProblem(call.target(), Kind.VOLUME);
  }

  /** Applies a call's effect when its time is up. */
  Result finish(StorageCall call) {
    if (call instanceof StorageCall.CreateVolume create) {
      return finishCreate(create.target());
    }
    if (call instanceof StorageCall.DeleteVolume || call instanceof StorageCall.DeleteSnapshot) {
      return finishDelete(call.target());
    }
    if (call instanceof StorageCall.ExtendVolume extend) {
      return finishExtend(extend);
    }
    if (call instanceof StorageCall.InitializeConnection connect) {
      return finishInitialize(connect);
    }
    if (call instanceof StorageCall.TerminateConnection disconnect) {
      return finishTerminate(disconnect);
    }
    if (call instanceof StorageCall.EnsureExport ensure) {
      StoredObject volume = array.find(ensure.target());
      return volume == null ? Result.failed("volume " + ensure.target() + " not found")
          : Result.done("export present to " + volume.exports());
    }
    if (call instanceof StorageCall.ClearDownload) {
      return Result.done("download state cleared");
    }
    if (call instanceof StorageCall.WriteBlock write) {
      return finishWrite(write);
    }
    throw new IllegalArgumentException("not a timed call: " + call);
  }

  /** Why the object cannot be used now, or null when it can. */
  private String usableProblem(String id, Kind kind) {
    StoredObject object = array.find(id);
    if (object == null) {
      return lower(kind) + " " + id + " not found";
    }
    if (object.kind() != kind) {
      return id + " is not a " + lower(kind);
    }
    if (object.status() == Status.DELETING || object.status() == Status.ERROR) {
      return id + " is " + lower(object.status());
    }
    return null;
  }

  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private String beginCreate(StorageCall.CreateVolume create) {
    if (array.find(create.target()) != null) {
      return "volume " + create.target() + " already exists";
    }
    array.put(new StoredObject(create.target(), Kind.VOLUME, Status.CREATING, create.sizeGb(),
        Content.empty(array.blocksFor(create.sizeGb())), List.of(), null));
    return null;
  }

  private Result finishCreate(String volumeId) {
    StoredObject volume = array.find(volumeId);
    if (volume == null || volume.status() != Status.CREATING) {
      context.probe("storage.create-overtaken-by-delete");
      return Result.failed("volume " + volumeId + " deleted while being created");
    }
    array.put(volume.withStatus(Status.AVAILABLE));
    return Result.done("created");
  }

  private String beginDelete(StorageCall call) {
    Kind kind = call instanceof StorageCall.DeleteVolume ? Kind.VOLUME : Kind.SNAPSHOT;
    StoredObject object = array.find(call.target());
    if (object != null && object.kind() != kind) {
      return call.target() + " is not a " + lower(kind);
    }
    List<String> snapshots = array.snapshotsOf(call.target());
    if (!snapshots.isEmpty()) {
      context.probe("storage.delete-busy-with-snapshots");
      return "volume " + call.target() + " is busy: it has snapshots " + snapshots;
    }
    if (object != null) {
      array.put(object.withStatus(Status.DELETING));
    }
    return null;
  }

  /** Deleting what is already gone succeeds, as Cinder's drivers treat it. */
  private Result finishDelete(String id) {
    if (array.find(id) == null) {
      context.probe("storage.delete-already-absent");
      return Result.done("already absent");
    }
    array.remove(id);
    return Result.done("deleted");
  }

  private String checkExtend(StorageCall.ExtendVolume extend) {
    String problem = usableProblem(extend.target(), Kind.VOLUME);
    if (problem != null) {
      return problem;
    }
    int sizeGb = array.find(extend.target()).sizeGb();
    return extend.newSizeGb() < sizeGb
        ? "cannot shrink " + extend.target() + " from " + sizeGb + " to " + extend.newSizeGb() + " GB"
        : null;
  }

  private Result finishExtend(StorageCall.ExtendVolume extend) {
    StoredObject volume = array.find(extend.target());
    if (volume == null) {
      return Result.failed("volume " + extend.target() + " deleted while extending");
    }
    array.put(volume.withSize(Math.max(volume.sizeGb(), extend.newSizeGb()), array.options().blocksPerGigabyte()));
    return Result.done("extended to " + extend.newSizeGb() + " GB");
  }

  private Result finishInitialize(StorageCall.InitializeConnection connect) {
    StoredObject volume = array.find(connect.target());
    if (volume == null) {
      return Result.failed("volume " + connect.target() + " deleted while exporting");
    }
    array.put(volume.withExport(connect.initiator()));
    ConnectionInfo connection = new ConnectionInfo(connect.target(), connect.initiator(),
        "iqn.cvolsim:" + connect.target(), volume.content().blockCount());
    return new Result(new ArrayResponse.Connected(connection), null);
  }

  private Result finishTerminate(StorageCall.TerminateConnection disconnect) {
    StoredObject volume = array.find(disconnect.target());
    if (volume == null || !volume.isExportedTo(disconnect.initiator())) {
      return Result.done("not exported");
    }
    array.put(volume.withoutExport(disconnect.initiator()));
    return Result.done("unexported");
  }

  private String checkWrite(StorageCall.WriteBlock write) {
    String problem = usableProblem(write.target(), Kind.VOLUME);
    if (problem != null) {
      return problem;
    }
    return writeProblem(array.find(write.target()), write);
  }

  private static String writeProblem(StoredObject volume, StorageCall.WriteBlock write) {
    if (!volume.isExportedTo(write.initiator())) {
      return write.target() + " is not exported to " + write.initiator();
    }
    if (write.blockIndex() < 0 || write.blockIndex() >= volume.content().blockCount()) {
      return "block " + write.blockIndex() + " is outside " + write.target();
    }
    return null;
  }

  private Result finishWrite(StorageCall.WriteBlock write) {
    StoredObject volume = array.find(write.target());
    if (volume == null) {
      return Result.failed("volume " + write.target() + " deleted during the write");
    }
    String problem = writeProblem(volume, write);
    if (problem != null) {
      return Result.failed(problem);
    }
    long stamp = array.nextStamp();
    array.put(volume.withContent(volume.content().withBlock(write.blockIndex(), stamp)));
    return new Result(new ArrayResponse.Written(write.target(), write.blockIndex(), stamp), null);
  }
}
