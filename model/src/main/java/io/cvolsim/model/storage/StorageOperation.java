package io.cvolsim.model.storage;

/** Every call the array logs, named after the driver method (or data-path action) it serves. */
public enum StorageOperation {
  CREATE_VOLUME(Category.CREATE),
  CLONE_VOLUME(Category.COPY),
  CREATE_VOLUME_FROM_SNAPSHOT(Category.COPY),
  DELETE_VOLUME(Category.DELETE),
  CREATE_SNAPSHOT(Category.COPY),
  DELETE_SNAPSHOT(Category.DELETE),
  EXTEND_VOLUME(Category.RESIZE),
  INITIALIZE_CONNECTION(Category.EXPORT),
  TERMINATE_CONNECTION(Category.EXPORT),
  ENSURE_EXPORT(Category.EXPORT),
  CLEAR_DOWNLOAD(Category.CLEANUP),
  /** A write of one block through an export: what an attached instance (or an image download) does. */
  WRITE_BLOCK(Category.DATA),
  /** Storage fencing: the array stops accepting a node's calls. */
  REVOKE_ACCESS(Category.ADMIN),
  /** A (restarted) node is admitted again. */
  RESTORE_ACCESS(Category.ADMIN);

  /** What kind of work an operation is; checkers group by it. */
  public enum Category {
    CREATE,
    /** Reads a source (volume or snapshot) block by block into a new object. */
    COPY,
    DELETE,
    RESIZE,
    EXPORT,
    CLEANUP,
    /** Data-path I/O rather than a driver call. */
    DATA,
    /** Changes the array's access control, not an object. */
    ADMIN
  }

  private final Category category;

  StorageOperation(Category category) {
    this.category = category;
  }

  public Category category() {
    return category;
  }

  /** Reads its source while it runs: a delete of that source must not overlap it (S2). */
  public boolean readsSource() {
    return category == Category.COPY;
  }
}
