package io.cvolsim.model.workers;

import io.cvolsim.model.db.Row;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Up/down of services and clusters from their heartbeat rows (reference §4.4), with the clock
 * variant of V17. Cinder compares the writer-stamped {@code updated_at} with the reader's clock,
 * so skew between the two moves the verdict.
 */
public final class ServiceLiveness {
  private final IsUpClock clock;
  private final long serviceDownTimeNanos;
  private final LongSupplier databaseClock;

  /**
   * @param databaseClock the database server's clock, read only under {@link IsUpClock#DB_SERVER}
   */
  public ServiceLiveness(IsUpClock clock, long serviceDownTimeNanos, LongSupplier databaseClock) {
    if (serviceDownTimeNanos <= 0) {
      throw new IllegalArgumentException("service_down_time must be positive: " + serviceDownTimeNanos);
    }
    this.clock = clock;
    this.serviceDownTimeNanos = serviceDownTimeNanos;
    this.databaseClock = Objects.requireNonNull(databaseClock, "databaseClock");
  }

  /** Cinder's own rule, which never needs the database clock. */
  public static ServiceLiveness readerClock(long serviceDownTimeNanos) {
    return new ServiceLiveness(IsUpClock.READER, serviceDownTimeNanos, () -> {
      throw new IllegalStateException("the reader-clock rule reads no database clock");
    });
  }

  public long serviceDownTimeNanos() {
    return serviceDownTimeNanos;
  }

  /** Whether a heartbeat stamped {@code stampNanos} is fresh for a reader whose clock reads {@code readerNowNanos}. */
  public boolean isFresh(Long stampNanos, long readerNowNanos) {
    if (stampNanos == null) {
      return false;
    }
    if (clock == IsUpClock.SYMMETRIC) {
      return Math.abs(readerNowNanos - stampNanos) <= serviceDownTimeNanos;
    }
    long now = clock == IsUpClock.DB_SERVER ? databaseClock.getAsLong() : readerNowNanos;
    return stampNanos >= now - serviceDownTimeNanos;
  }

  /** {@code Service.is_up}: the last heartbeat only. */
  public boolean serviceIsUp(Row service, long readerNowNanos) {
    return isFresh((Long) service.get(ServiceColumns.UPDATED_AT), readerNowNanos);
  }

  /** The database-side {@code is_up} filter of service listings: a fresh creation also counts. */
  public boolean matchesUpFilter(Row service, long readerNowNanos) {
    return isFresh((Long) service.get(ServiceColumns.CREATED_AT), readerNowNanos)
        || serviceIsUp(service, readerNowNanos);
  }

  /**
   * {@code Cluster.is_up}: its {@code last_heartbeat}, the newest heartbeat of its live service
   * rows, is fresh. So a cluster is up while any one member is.
   */
  public boolean clusterIsUp(String clusterName, String binary, List<Row> services, long readerNowNanos) {
    Long lastHeartbeat = null;
    for (Row service : services) {
      Long heartbeat = (Long) service.get(ServiceColumns.UPDATED_AT);
      if (!service.isTrue(ServiceColumns.DELETED) && heartbeat != null
          && clusterName.equals(service.get(ServiceColumns.CLUSTER_NAME))
          && binary.equals(service.get(ServiceColumns.BINARY))) {
        lastHeartbeat = lastHeartbeat == null ? heartbeat : Math.max(lastHeartbeat, heartbeat);
      }
    }
    return isFresh(lastHeartbeat, readerNowNanos);
  }
}
