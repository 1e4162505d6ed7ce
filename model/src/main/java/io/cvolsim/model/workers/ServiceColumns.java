package io.cvolsim.model.workers;

/**
 * Column names of the {@code services} and {@code clusters} rows that up/down and cleanup routing
 * read (cinder/db/models.py Service and Cluster). Timestamps are the heartbeating node's clock.
 */
public final class ServiceColumns {
  public static final String ID = "id";
  public static final String HOST = "host";
  public static final String BINARY = "binary";
  /** NULL for a service that is not clustered. */
  public static final String CLUSTER_NAME = "cluster_name";
  public static final String DISABLED = "disabled";
  public static final String CREATED_AT = "created_at";
  /** The last heartbeat, stamped by the reporting node's clock. */
  public static final String UPDATED_AT = "updated_at";
  public static final String DELETED = "deleted";
  /** The clusters table's key column. */
  public static final String NAME = "name";

  public static final String SCHEDULER_BINARY = "cinder-scheduler";
  public static final String VOLUME_BINARY = "cinder-volume";

  private ServiceColumns() {}
}
