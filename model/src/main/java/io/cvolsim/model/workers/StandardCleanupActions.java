package io.cvolsim.model.workers;

import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.db.Condition;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.db.Row;
import java.util.SortedMap;

/**
 * Cinder's {@code _do_cleanup} actions (reference §2.5): the volume manager's and the
 * scheduler's. Status writes are the blind {@code save()} Cinder does; the driver's part and the
 * re-run delete belong to the c-vol and come in through {@link VolumeHooks}.
 */
public final class StandardCleanupActions {

  /** What the volume manager's cleanup needs from its driver and its own delete operation. */
  public interface VolumeHooks {
    /** {@code driver.clear_download(volume)}. */
    SimFuture<Void> clearDownload(Row volume);

    /**
     * Re-runs {@code delete_volume(volume, cascade=True)} inline, with {@code claimed} as the
     * volume's worker entry; the delete's own {@code set_workers} decorator removes the row.
     */
    SimFuture<Void> deleteVolume(Row volume, WorkerEntry claimed);
  }

  /**
   * How a cleaner saves a volume's status: a blind save, observed by the harness like every other
   * status write of a service so that the history explains the move.
   */
  @FunctionalInterface
  public interface VolumeStatusSave {
    SimFuture<Boolean> save(Object volumeId, SortedMap<String, Object> fields);
  }

  private StandardCleanupActions() {}

  /** The c-vol's {@code _do_cleanup}, its volume status writes unobserved (tests). */
  public static CleanupAction volumeService(DbClient db, VolumeHooks hooks) {
    return volumeService(db, hooks, unobserved(db));
  }

  /** The scheduler's {@code _do_cleanup}, its volume status writes unobserved (tests). */
  public static CleanupAction scheduler(DbClient db) {
    return scheduler(db, unobserved(db));
  }

  private static VolumeStatusSave unobserved(DbClient db) {
    return (volumeId, fields) -> db.save(Database.VOLUMES, volumeId, fields);
  }

  /** The c-vol's {@code _do_cleanup}. */
  public static CleanupAction volumeService(DbClient db, VolumeHooks hooks, VolumeStatusSave volumeSave) {
    return (type, resource, claimed) -> {
      String status = resource.string(WorkerColumns.STATUS);
      if (type == ResourceType.VOLUME && "downloading".equals(status)) {
        return hooks.clearDownload(resource).flatMap(done -> setError(db, volumeSave, type, resource));
      }
      if (type == ResourceType.VOLUME && "uploading".equals(status)) {
        return statusFromAttachments(db, volumeSave, resource);
      }
      if (type == ResourceType.VOLUME && "deleting".equals(status)) {
        // The delete removes the row itself, so the cleaner must keep it.
        return hooks.deleteVolume(resource, claimed).map(done -> true);
      }
      if ("creating".equals(status)) {
        return setError(db, volumeSave, type, resource);
      }
      return SimFuture.succeeded(false);
    };
  }

  /** The scheduler's {@code _do_cleanup}: a volume it was scheduling goes to error. */
  public static CleanupAction scheduler(DbClient db, VolumeStatusSave volumeSave) {
    return (type, resource, claimed) -> type == ResourceType.VOLUME
        && "creating".equals(resource.string(WorkerColumns.STATUS))
        ? setError(db, volumeSave, type, resource)
        : SimFuture.succeeded(false);
  }

  private static SimFuture<Boolean> setError(DbClient db, VolumeStatusSave volumeSave, ResourceType type,
      Row resource) {
    SortedMap<String, Object> fields = Row.values(WorkerColumns.STATUS, "error");
    SimFuture<Boolean> saved = type == ResourceType.VOLUME ? volumeSave.save(resource.get("id"), fields)
        : db.save(type.table(), resource.get("id"), fields);
    return saved.map(ignored -> false);
  }

  /** {@code volume_update_status_based_on_attachment}: in-use while any attachment is left. */
  private static SimFuture<Boolean> statusFromAttachments(DbClient db, VolumeStatusSave volumeSave, Row volume) {
    Condition live = Condition.all(Condition.eq("volume_id", volume.get("id")), Condition.notEq("deleted", true));
    return db.select(Database.ATTACHMENTS, live).flatMap(attachments -> volumeSave.save(volume.get("id"),
        Row.values(WorkerColumns.STATUS, attachments.isEmpty() ? "available" : "in-use")))
        .map(saved -> false);
  }
}
