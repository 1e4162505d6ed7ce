package io.cvolsim.model.storage;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A volume or snapshot as the array holds it, immutable: every change makes a new value, which
 * the array also publishes to the {@link StorageIoLog} so checkers see the final inventory.
 *
 * @param parentVolumeId the volume a snapshot was taken of; null for volumes
 * @param exports the initiators the object is exported to, sorted
 */
public record StoredObject(String id, Kind kind, Status status, int sizeGb, Content content,
    List<String> exports, String parentVolumeId) {

  /** What the object is. */
  public enum Kind {
    VOLUME,
    SNAPSHOT
  }

  /** Where the object is in its life on the array. */
  public enum Status {
    /** Being created or filled by a copy. */
    CREATING,
    AVAILABLE,
    /** A delete is running; the object goes when it ends. */
    DELETING,
    /** A copy into it failed or was cut off; its content is not to be trusted. */
    ERROR
  }

  public StoredObject {
    Objects.requireNonNull(id, "id");
    exports = List.copyOf(new TreeSet<>(exports));
  }

  public StoredObject withStatus(Status newStatus) {
    return new StoredObject(id, kind, newStatus, sizeGb, content, exports, parentVolumeId);
  }

  public StoredObject withContent(Content newContent) {
    return new StoredObject(id, kind, status, sizeGb, newContent, exports, parentVolumeId);
  }

  public StoredObject withSize(int newSizeGb, int blocksPerGigabyte) {
    return new StoredObject(id, kind, status, newSizeGb,
        content.grownTo(newSizeGb * blocksPerGigabyte), exports, parentVolumeId);
  }

  public StoredObject withExport(String initiator) {
    TreeSet<String> changed = new TreeSet<>(exports);
    changed.add(initiator);
    return new StoredObject(id, kind, status, sizeGb, content, List.copyOf(changed), parentVolumeId);
  }

  public StoredObject withoutExport(String initiator) {
    TreeSet<String> changed = new TreeSet<>(exports);
    changed.remove(initiator);
    return new StoredObject(id, kind, status, sizeGb, content, List.copyOf(changed), parentVolumeId);
  }

  public boolean isExportedTo(String initiator) {
    return exports.contains(initiator);
  }
}
