package io.cvolsim.model.workers;

import io.cvolsim.model.db.Database;
import java.util.List;

/**
 * The cleanable versioned-object classes (reference §2.5). {@link #dbName()} is what a
 * {@code workers} row stores in {@code resource_type}: the class name, {@code 'Volume'}.
 */
public enum ResourceType {
  VOLUME("Volume", Database.VOLUMES, List.of("creating", "deleting", "uploading", "downloading")),
  SNAPSHOT("Snapshot", Database.SNAPSHOTS, List.of("creating"));

  private final String dbName;
  private final String table;
  private final List<String> cleanableStatuses;

  ResourceType(String dbName, String table, List<String> cleanableStatuses) {
    this.dbName = dbName;
    this.table = table;
    this.cleanableStatuses = cleanableStatuses;
  }

  public String dbName() {
    return dbName;
  }

  /** The table holding the resource itself. */
  public String table() {
    return table;
  }

  /** Cinder's {@code _is_cleanable} at the current object versions. */
  public boolean isCleanable(String status) {
    return cleanableStatuses.contains(status);
  }

  /** The type a {@code workers} row names, or null for one of no cleanable class. */
  public static ResourceType fromDbName(String dbName) {
    for (ResourceType type : values()) {
      if (type.dbName.equals(dbName)) {
        return type;
      }
    }
    return null;
  }
}
