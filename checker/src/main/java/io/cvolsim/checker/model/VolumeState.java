package io.cvolsim.checker.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API-visible state of one Cinder volume. An absent volume (never created) is the null
 * state; a destroyed one has status "deleted" and reads as not found.
 *
 * @param status Volume.status, such as "available" or "in-use"
 * @param attachStatus Volume.attach_status: "attached", "detached", ...
 * @param migrationStatus Volume.migration_status; null when no migration ever ran
 * @param volumeType the volume type name
 * @param scheduled whether the volume has a host now (a reschedule clears it again); Cinder's API
 *     destroys a volume without one directly, whatever its status
 */
public record VolumeState(
    String status, String attachStatus, String migrationStatus, String volumeType, boolean scheduled) {

  /** A volume created by the API: {@code creating}, detached, not yet scheduled. */
  public static VolumeState created(String volumeType) {
    return new VolumeState("creating", "detached", null, volumeType, false);
  }

  /** True once the volume is destroyed: no operation but a read applies any more. */
  public boolean isDeleted() {
    return "deleted".equals(status);
  }

  public VolumeState withStatus(String newStatus) {
    return new VolumeState(newStatus, attachStatus, migrationStatus, volumeType, scheduled);
  }

  public VolumeState withMigrationStatus(String newMigrationStatus) {
    return new VolumeState(status, attachStatus, newMigrationStatus, volumeType, scheduled);
  }

  /**
   * The state after a blind write of the fields present in {@code fields}; a write naming a
   * non-null {@code host} schedules the volume.
   */
  public VolumeState withFields(Map<String, Object> fields) {
    return new VolumeState(
        field(fields, "status", status),
        field(fields, "attach_status", attachStatus),
        field(fields, "migration_status", migrationStatus),
        field(fields, "volume_type", volumeType),
        fields.containsKey("host") ? fields.get("host") != null : scheduled);
  }

  private static String field(Map<String, Object> fields, String name, String current) {
    return fields.containsKey(name) ? (String) fields.get(name) : current;
  }

  /** The value an ok read of this volume returns, without the volume id. */
  public Map<String, Object> asReadValue() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("status", status);
    value.put("attach_status", attachStatus);
    value.put("migration_status", migrationStatus);
    value.put("volume_type", volumeType);
    return value;
  }
}
