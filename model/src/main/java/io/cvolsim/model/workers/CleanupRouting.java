package io.cvolsim.model.workers;

import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.db.Condition;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.db.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The scheduler's {@code work_cleanup} (reference §5.6, cinder/scheduler/manager.py): which
 * services a cleanup request matches and where each one's cleanup goes. A pure function of the
 * services and clusters rows the scheduler read and its clock; sending is the caller's.
 */
public final class CleanupRouting {

  /** Where a service's cleanup request is sent. */
  public enum Destination {
    /** A clustered c-vol: the cluster's queue, served by any live member. */
    CLUSTER_QUEUE,
    /** A non-clustered c-vol: its own host's queue. */
    HOST_QUEUE,
    /** A scheduler: the scheduler topic, where any scheduler cleans any scheduler. */
    SCHEDULER_TOPIC
  }

  /**
   * One request to send.
   *
   * @param target the cluster name, host, or (schedulers) the cleaned scheduler's host
   * @param request the request filled in for this one service
   */
  public record Dispatch(Row service, Destination destination, String target, CleanupRequest request) {}

  /** The API's answer: {@code {cleaning: [...], unavailable: [...]}}. */
  public record Result(List<Dispatch> cleaning, List<Row> unavailable) {
    public Result {
      cleaning = List.copyOf(cleaning);
      unavailable = List.copyOf(unavailable);
    }
  }

  private CleanupRouting() {}

  /** Reads the services and clusters, then routes; {@code schedulerNowNanos} is the scheduler's clock. */
  public static SimFuture<Result> workCleanup(DbClient db, CleanupRequest request, long schedulerNowNanos,
      ServiceLiveness liveness) {
    Condition everything = Condition.notEq(ServiceColumns.DELETED, true);
    return db.select(Database.SERVICES, everything).flatMap(services -> db.select(Database.CLUSTERS, everything)
        .map(clusters -> route(request, services, clusters, schedulerNowNanos, liveness)));
  }

  /** Routes {@code request} over every services row (members of clusters included). */
  public static Result route(CleanupRequest request, List<Row> services, List<Row> clusters,
      long schedulerNowNanos, ServiceLiveness liveness) {
    long until = request.untilNanos() != null ? request.untilNanos() : schedulerNowNanos;
    List<Dispatch> cleaning = new ArrayList<>();
    List<Row> unavailable = new ArrayList<>();
    for (Row service : services) {
      if (!ServiceFilter.matches(request, service, clusters, schedulerNowNanos, liveness)) {
        continue;
      }
      CleanupRequest forService = request.withServiceId(service.longValue(ServiceColumns.ID, 0))
          .withClusterName(service.string(ServiceColumns.CLUSTER_NAME))
          .withHost(service.string(ServiceColumns.HOST)).withBinary(service.string(ServiceColumns.BINARY))
          .withUntilNanos(until);
      Dispatch dispatch = destination(service, services, schedulerNowNanos, liveness, forService);
      if (dispatch == null) {
        unavailable.add(service);
      } else {
        cleaning.add(dispatch);
      }
    }
    return new Result(cleaning, unavailable);
  }

  /** The dispatch for one service, or null when nobody alive can clean it. */
  private static Dispatch destination(Row service, List<Row> services, long nowNanos, ServiceLiveness liveness,
      CleanupRequest forService) {
    String binary = service.string(ServiceColumns.BINARY);
    String host = service.string(ServiceColumns.HOST);
    if (Objects.equals(binary, ServiceColumns.SCHEDULER_BINARY)) {
      // The scheduler running this is alive, so some scheduler will take it.
      return new Dispatch(service, Destination.SCHEDULER_TOPIC, host, forService);
    }
    String cluster = service.string(ServiceColumns.CLUSTER_NAME);
    if (cluster != null) {
      return liveness.clusterIsUp(cluster, binary, services, nowNanos)
          ? new Dispatch(service, Destination.CLUSTER_QUEUE, cluster, forService)
          : null;
    }
    // A dead non-clustered service can only be cleaned by restarting it.
    return liveness.serviceIsUp(service, nowNanos)
        ? new Dispatch(service, Destination.HOST_QUEUE, host, forService)
        : null;
  }
}
