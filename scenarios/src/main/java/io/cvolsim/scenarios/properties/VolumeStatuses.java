package io.cvolsim.scenarios.properties;

import java.util.List;

/** How the liveness properties classify a volume's status (reference §2.1, §2.5). */
final class VolumeStatuses {
  /** Statuses crash recovery exists for: the cleanup of §2.5 moves them on. */
  static final List<String> CLEANABLE = List.of("creating", "deleting", "uploading", "downloading");
  /** migration_status values that mean "not migrating" (AVAILABLE_MIGRATION_STATUS). */
  static final List<String> NOT_MIGRATING = List.of("deleting", "error", "success");
  private static final List<String> REST = List.of("available", "in-use", "deleted", "awaiting-transfer");

  private VolumeStatuses() {}

  /** A status no operation is working on: the user may act again. */
  static boolean isRest(String status) {
    if (status == null) {
      return false;
    }
    return REST.contains(status) || (status.startsWith("error") && !status.equals("error_managing_deleting"));
  }

  static boolean isMigrating(String migrationStatus) {
    return migrationStatus != null && !NOT_MIGRATING.contains(migrationStatus);
  }
}
