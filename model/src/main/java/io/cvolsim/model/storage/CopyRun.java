package io.cvolsim.model.storage;

import io.cvolsim.model.storage.StoredObject.Kind;
import io.cvolsim.model.storage.StoredObject.Status;
import java.util.List;

/**
 * One copy on the array (clone, create-from-snapshot, snapshot) moving block by block from its
 * source into a new target. Each block is read from the source as it is when its turn comes, so
 * a write to the source during the copy leaves a target that matches the source at no instant:
 * a torn copy, which {@link CopyRecord#isTorn()} shows.
 */
final class CopyRun {
  private final StorageArray array;
  private final String sourceId;
  private final String targetId;
  private final Content sourceAtStart;
  /** The object blocks are read from: the source, or the clone's temporary snapshot of it. */
  private final String readFromId;
  private int nextBlock;
  private boolean sawSourceChange;

  private CopyRun(StorageArray array, String sourceId, String targetId, Content sourceAtStart,
      String readFromId) {
    this.array = array;
    this.sourceId = sourceId;
    this.targetId = targetId;
    this.sourceAtStart = sourceAtStart;
    this.readFromId = readFromId;
  }

  /** Why the copy cannot start, or null when it can. */
  static String refusal(StorageArray array, StorageCall call) {
    Kind sourceKind = call instanceof StorageCall.CreateVolumeFromSnapshot ? Kind.SNAPSHOT : Kind.VOLUME;
    StoredObject source = array.find(call.source());
    if (source == null) {
      return "source " + ArrayEffects.lower(sourceKind) + " " + call.source() + " not found";
    }
    if (source.kind() != sourceKind) {
      return "source " + call.source() + " is not a " + ArrayEffects.lower(sourceKind);
    }
    if (source.status() != Status.AVAILABLE) {
      return "source " + call.source() + " is " + ArrayEffects.lower(source.status());
    }
    if (array.find(call.target()) != null) {
      return call.target() + " already exists";
    }
    int requestedGb = requestedSizeGb(call, source);
    return requestedGb < source.sizeGb()
        ? call.target() + " of " + requestedGb + " GB cannot hold its " + source.sizeGb() + " GB source"
        : null;
  }

  /**
   * Creates the empty target, remembers the source as it is now and, for a clone by
   * {@link CloneMethod#TEMPORARY_SNAPSHOT}, takes the snapshot the blocks are read from.
   */
  static CopyRun start(StorageArray array, StorageCall call) {
    StoredObject source = array.find(call.source());
    boolean snapshot = call instanceof StorageCall.CreateSnapshot;
    int sizeGb = requestedSizeGb(call, source);
    array.put(new StoredObject(call.target(), snapshot ? Kind.SNAPSHOT : Kind.VOLUME, Status.CREATING,
        sizeGb, Content.notCopied(source.content().blockCount()).grownTo(array.blocksFor(sizeGb)),
        List.of(), snapshot ? source.id() : null));
    String readFromId = source.id();
    if (call instanceof StorageCall.CloneVolume
        && array.options().cloneMethod() == CloneMethod.TEMPORARY_SNAPSHOT) {
      readFromId = "clone-snap-" + call.target();
      array.put(new StoredObject(readFromId, Kind.SNAPSHOT, Status.AVAILABLE, source.sizeGb(),
          source.content(), List.of(), source.id()));
    }
    return new CopyRun(array, source.id(), call.target(), source.content(), readFromId);
  }

  private static int requestedSizeGb(StorageCall call, StoredObject source) {
    if (call instanceof StorageCall.CloneVolume clone) {
      return clone.sizeGb();
    }
    if (call instanceof StorageCall.CreateVolumeFromSnapshot fromSnapshot) {
      return fromSnapshot.sizeGb();
    }
    return source.sizeGb();
  }

  boolean isDone() {
    return nextBlock >= sourceAtStart.blockCount();
  }

  /** The share of {@code totalNanos} the next block takes; the last block takes the remainder. */
  long nanosForNextBlock(long totalNanos) {
    int blocks = sourceAtStart.blockCount();
    long perBlock = totalNanos / blocks;
    return nextBlock == blocks - 1 ? totalNanos - perBlock * (blocks - 1) : perBlock;
  }

  /** Copies the next block; returns why the copy broke, or null. */
  String copyNextBlock() {
    StoredObject source = array.find(readFromId);
    StoredObject target = array.find(targetId);
    if (source == null) {
      return "source " + sourceId + " deleted during the copy, at block " + nextBlock;
    }
    if (target == null) {
      return "target " + targetId + " deleted during the copy, at block " + nextBlock;
    }
    long block = source.content().block(nextBlock);
    sawSourceChange |= block != sourceAtStart.block(nextBlock);
    array.put(target.withContent(target.content().withBlock(nextBlock, block)));
    nextBlock++;
    return null;
  }

  /** True when some block was read after the source had changed it. */
  boolean sawSourceChange() {
    return sawSourceChange;
  }

  /** Marks the target available; returns why it cannot be, or null. */
  String complete() {
    StoredObject target = array.find(targetId);
    if (target == null || target.status() != Status.CREATING) {
      return "target " + targetId + " deleted during the copy";
    }
    array.put(target.withStatus(Status.AVAILABLE));
    return null;
  }

  void markBroken() {
    array.breakIfTransitional(targetId);
  }

  /** Deletes the temporary snapshot, as the driver does in a {@code finally}, however it ended. */
  void releaseTemporarySnapshot() {
    if (!readFromId.equals(sourceId) && array.find(readFromId) != null) {
      array.remove(readFromId);
    }
  }

  CopyRecord record() {
    StoredObject target = array.find(targetId);
    return new CopyRecord(sourceAtStart, target == null ? Content.empty(0) : target.content());
  }
}
