package io.cvolsim.checker.model;

import io.cvolsim.checker.history.PairedOperation;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One Cinder volume's status machine as the API enforces it: the compare-and-swap conditions of
 * cinder/volume/api.py (reference §2.2), written from the specification, not from any
 * implementation. The state is a {@link VolumeState}, or null while the volume does not exist.
 */
public final class VolumeStatusMachine implements Model {
  /** AVAILABLE_MIGRATION_STATUS: the values that mean "not migrating". */
  static final Set<String> NOT_MIGRATING = setOf(null, "deleting", "error", "success");
  static final Set<String> DELETABLE =
      setOf("available", "error", "error_restoring", "error_extending", "error_managing");
  static final Set<String> FIELDS =
      setOf("volume", "status", "attach_status", "migration_status", "volume_type", "host", "attachment");
  /**
   * The status after an unreserve of a volume that is not attached: in-use if some attachment row
   * the history does not show was live and not detached (has_attachments), else available. The
   * next operation that tells them apart (a read, or one only available allows) decides it.
   */
  static final String AVAILABLE_OR_IN_USE = "available|in-use";

  private static Set<String> setOf(String... values) {
    return new HashSet<>(Arrays.asList(values));
  }

  @Override
  public String name() {
    return "cinder-volume";
  }

  @Override
  public Object initialState() {
    return null;
  }

  @Override
  public Object step(Object state, PairedOperation operation) {
    Map<String, Object> argument = Values.map(operation.input());
    VolumeState volume = (VolumeState) state;
    if (operation.f().equals("read")) {
      return read(volume, operation);
    }
    if (isAttachmentCall(operation.f())) {
      // The attachments API moves the volume through writes the history records on their own
      // (as completes, API's and c-vol's alike); the call itself changes nothing visible.
      return state;
    }
    if (operation.f().equals("create")) {
      return volume != null ? ILLEGAL
          : VolumeState.created((String) argument.getOrDefault("volume_type", "default"));
    }
    if (volume != null && volume.isDeleted() && operation.f().equals("complete")) {
      // A blind save on a destroyed row still runs (Cinder soft-deletes), but the API shows the
      // volume as gone whatever it wrote: the visible state stays deleted.
      return state;
    }
    if (volume == null || volume.isDeleted()) {
      return ILLEGAL;
    }
    if (!volume.scheduled() && operation.f().endsWith("delete")) {
      // Never scheduled: the API destroys the row directly, with no condition (reference §2.2).
      return volume.withStatus("deleted");
    }
    VolumeState next = undecided(volume) ? decidedBy(volume, operation.f(), argument)
        : transition(volume, operation.f(), argument);
    return next == null ? ILLEGAL : next;
  }

  private static boolean undecided(VolumeState volume) {
    return volume != null && AVAILABLE_OR_IN_USE.equals(volume.status());
  }

  /** A read of an undecided status settles it to the status read. */
  private static Object read(VolumeState volume, PairedOperation operation) {
    if (!operation.hasKnownOutput()) {
      return volume;
    }
    Map<String, Object> valueRead = Values.map(operation.output());
    VolumeState seen = undecided(volume) && ("available".equals(valueRead.get("status"))
        || "in-use".equals(valueRead.get("status"))) ? volume.withStatus((String) valueRead.get("status")) : volume;
    return VolumeReads.matches(seen, valueRead) ? seen : ILLEGAL;
  }

  /**
   * An operation on an undecided status: what it does from either status. Where only one allows
   * it, that one it was; where both do and differ only in the status kept, it stays undecided.
   */
  private static VolumeState decidedBy(VolumeState volume, String f, Map<String, Object> arg) {
    VolumeState fromAvailable = transition(volume.withStatus("available"), f, arg);
    VolumeState fromInUse = transition(volume.withStatus("in-use"), f, arg);
    if (fromAvailable == null || fromInUse == null) {
      return fromAvailable == null ? fromInUse : fromAvailable;
    }
    return fromAvailable.equals(fromInUse) ? fromAvailable : fromAvailable.withStatus(AVAILABLE_OR_IN_USE);
  }

  /** The state after an API transition on an existing volume; null when its CAS fails. */
  private static VolumeState transition(VolumeState volume, String f, Map<String, Object> arg) {
    String status = volume.status();
    boolean notMigrating = NOT_MIGRATING.contains(volume.migrationStatus());
    boolean available = status.equals("available");
    boolean availableOrInUse = available || status.equals("in-use");
    return switch (f) {
      case "delete" -> DELETABLE.contains(status) ? deleting(volume) : null;
      case "force-delete" -> deleting(volume);
      case "extend" -> available ? volume.withStatus("extending") : null;
      case "reserve" -> available ? volume.withStatus("attaching") : null;
      case "unreserve" -> status.equals("attaching")
          ? volume.withStatus(isAttached(volume) ? "in-use" : AVAILABLE_OR_IN_USE) : null;
      case "begin-detaching" -> status.equals("in-use") && isAttached(volume) && notMigrating
          ? volume.withStatus("detaching") : null;
      case "roll-detaching" -> status.equals("detaching") ? volume.withStatus("in-use") : null;
      case "retype" -> availableOrInUse && notMigrating
          && !java.util.Objects.equals(volume.volumeType(), arg.get("volume_type"))
          ? volume.withStatus("retyping") : null;
      case "migrate" -> availableOrInUse && notMigrating
          ? volume.withMigrationStatus("starting") : null;
      case "complete" -> volume.withFields(arg);
      default -> null;
    };
  }

  /** attachment-reserve, -update, -complete and -delete of the attachments API. */
  static boolean isAttachmentCall(String f) {
    return f.startsWith("attachment-");
  }

  /** delete and force-delete share the attach and migration conditions. */
  private static VolumeState deleting(VolumeState volume) {
    if (isAttached(volume) || !NOT_MIGRATING.contains(volume.migrationStatus())) {
      return null;
    }
    return volume.withStatus(
        volume.status().equals("error_managing") ? "error_managing_deleting" : "deleting");
  }

  private static boolean isAttached(VolumeState volume) {
    return "attached".equals(volume.attachStatus());
  }

  @Override
  public String problemWith(PairedOperation operation) {
    return VolumeReads.problemWith(operation);
  }

  @Override
  public boolean mayChangeState(PairedOperation operation) {
    return !operation.f().equals("read") && !isAttachmentCall(operation.f());
  }

  @Override
  public long stateSizeBytes(Object state) {
    return 96;
  }
}
