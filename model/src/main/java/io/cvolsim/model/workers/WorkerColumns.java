package io.cvolsim.model.workers;

/** Column names of the {@code workers} table (reference §5.2, cinder/db/models.py Worker). */
public final class WorkerColumns {
  public static final String ID = "id";
  public static final String RESOURCE_TYPE = "resource_type";
  public static final String RESOURCE_ID = "resource_id";
  public static final String STATUS = "status";
  /** NULL means "created by the API, not yet claimed". */
  public static final String SERVICE_ID = "service_id";
  public static final String RACE_PREVENTER = "race_preventer";
  public static final String CREATED_AT = "created_at";
  public static final String UPDATED_AT = "updated_at";
  public static final String DELETED = "deleted";
  /** The MySQL 5.5 sentinel row's type, which every workers query leaves out. */
  public static final String SENTINEL = "SENTINEL";

  private WorkerColumns() {}
}
