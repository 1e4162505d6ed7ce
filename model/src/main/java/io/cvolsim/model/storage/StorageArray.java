package io.cvolsim.model.storage;

import io.cvolsim.kernel.api.NodeId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The durable state of the shared array: its objects, which nodes it has fenced out, the newest
 * fencing token per resource, and the block-version counter. The harness creates it and hands
 * it to every incarnation of {@link StorageArrayNode}, so it survives the array's own restarts.
 * Every object change is published to the {@link StorageIoLog}.
 */
public final class StorageArray {
  private final StorageOptions options;
  private final StorageIoLog log;
  private final SortedMap<String, StoredObject> objects = new TreeMap<>();
  private final TreeSet<NodeId> revoked = new TreeSet<>();
  /** The incarnation each node last re-admitted itself as, when it said so. */
  private final TreeMap<NodeId, Integer> admittedIncarnations = new TreeMap<>();
  private final SortedMap<String, Long> newestTokens = new TreeMap<>();
  private long lastStamp;

  public StorageArray(StorageOptions options, StorageIoLog log) {
    this.options = options;
    this.log = log;
  }

  public StorageOptions options() {
    return options;
  }

  public StorageIoLog log() {
    return log;
  }

  /** The object with this id, or null. */
  public StoredObject find(String id) {
    return objects.get(id);
  }

  public SortedMap<String, StoredObject> objects() {
    return Collections.unmodifiableSortedMap(new TreeMap<>(objects));
  }

  void put(StoredObject object) {
    objects.put(object.id(), object);
    log.objectChanged(object);
  }

  void remove(String id) {
    objects.remove(id);
    log.objectRemoved(id);
  }

  /** A version stamp no other block write has had. */
  long nextStamp() {
    lastStamp++;
    return lastStamp;
  }

  int blocksFor(int sizeGb) {
    return Math.multiplyExact(sizeGb, options.blocksPerGigabyte());
  }

  /** The snapshots taken of {@code volumeId} that still exist. */
  List<String> snapshotsOf(String volumeId) {
    List<String> snapshots = new ArrayList<>();
    for (StoredObject object : objects.values()) {
      if (volumeId.equals(object.parentVolumeId())) {
        snapshots.add(object.id());
      }
    }
    return snapshots;
  }

  public boolean isRevoked(NodeId node) {
    return revoked.contains(node);
  }

  /**
   * Revokes {@code node}; a revocation naming an incarnation older than the one that re-admitted
   * itself since is stale and changes nothing. Returns whether it took effect.
   */
  boolean revoke(NodeId node, Integer incarnation) {
    Integer admitted = admittedIncarnations.get(node);
    if (incarnation != null && admitted != null && admitted > incarnation) {
      return false;
    }
    revoked.add(node);
    return true;
  }

  void restore(NodeId node, Integer incarnation) {
    revoked.remove(node);
    if (incarnation != null) {
      admittedIncarnations.put(node, incarnation);
    }
  }

  /** True when the array has seen a newer token for the same resource. */
  boolean isStale(FencingToken token) {
    Long newest = newestTokens.get(token.resource());
    return newest != null && token.value() < newest;
  }

  void observe(FencingToken token) {
    newestTokens.merge(token.resource(), token.value(), Math::max);
  }

  /**
   * After the array itself crashed: work that was running is cut off where it stood, and objects
   * it was creating or deleting are left in error.
   */
  void interruptRunningWork() {
    for (IoLogEntry open : log.openEntries()) {
      log.end(open.sequence(), IoOutcome.INTERRUPTED, "array restarted", null);
    }
    for (String id : new ArrayList<>(objects.keySet())) {
      breakIfTransitional(id);
    }
  }

  /** An object left half-created or half-deleted by work that stopped is in error. */
  void breakIfTransitional(String id) {
    StoredObject object = objects.get(id);
    if (object != null && (object.status() == StoredObject.Status.CREATING
        || object.status() == StoredObject.Status.DELETING)) {
      put(object.withStatus(StoredObject.Status.ERROR));
    }
  }
}
