package io.cvolsim.model.workers;

import static io.cvolsim.kernel.api.Durations.seconds;
import static io.cvolsim.model.workers.ServiceRows.cluster;
import static io.cvolsim.model.workers.ServiceRows.scheduler;
import static io.cvolsim.model.workers.ServiceRows.volumeService;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.workers.CleanupRouting.Destination;
import io.cvolsim.model.workers.CleanupRouting.Dispatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class CleanupRoutingTest {
  private static final long NOW = seconds(1000);
  private static final long UP = seconds(995);
  private static final long DOWN = seconds(900);
  private static final ServiceLiveness LIVENESS = ServiceLiveness.readerClock(seconds(60));

  /** c1: one member down, one up. c2: both down. host3: alone and down. host5: alone and up. */
  private static final List<Row> SERVICES = List.of(
      volumeService(1, "host1@lvm", "c1@lvm", DOWN),
      volumeService(2, "host2@lvm", "c1@lvm", UP),
      volumeService(3, "host3@lvm", null, DOWN),
      volumeService(4, "host4@lvm", "c2@lvm", DOWN),
      volumeService(5, "host5@lvm", null, UP),
      volumeService(6, "host6@lvm", "c2@lvm", DOWN),
      scheduler(7, "sch1", DOWN));
  private static final List<Row> CLUSTERS = List.of(cluster("c1@lvm", false), cluster("c2@lvm", false));

  private static CleanupRouting.Result route(CleanupRequest request) {
    return CleanupRouting.route(request, SERVICES, CLUSTERS, NOW, LIVENESS);
  }

  private static Dispatch dispatchFor(CleanupRouting.Result result, long serviceId) {
    return result.cleaning().stream().filter(dispatch -> dispatch.request().serviceId() == serviceId)
        .findFirst().orElseThrow();
  }

  private static List<Long> ids(List<Row> rows) {
    return rows.stream().map(row -> row.longValue("id", 0)).toList();
  }

  @Test
  void clusteredDownServiceWithALiveMember_goesToTheClusterQueue() {
    CleanupRouting.Result result = route(CleanupRequest.allDown().withServiceId(1L));
    Dispatch dispatch = dispatchFor(result, 1);
    assertThat(dispatch.destination()).isEqualTo(Destination.CLUSTER_QUEUE);
    assertThat(dispatch.target()).isEqualTo("c1@lvm");
    assertThat(dispatch.request().host()).isEqualTo("host1@lvm");
    assertThat(dispatch.request().clusterName()).isEqualTo("c1@lvm");
    assertThat(dispatch.request().untilNanos()).as("the scheduler's now").isEqualTo(NOW);
    assertThat(result.unavailable()).isEmpty();
  }

  @Test
  void defaultRequest_coversDownServicesOnly_andReportsTheUncleanable() {
    CleanupRouting.Result result = route(CleanupRequest.allDown());
    assertThat(result.cleaning()).extracting(dispatch -> dispatch.request().serviceId()).containsExactly(1L, 7L);
    assertThat(dispatchFor(result, 7).destination()).isEqualTo(Destination.SCHEDULER_TOPIC);
    // Whole cluster c2 down, and the lone host3 down: nobody alive can clean them.
    assertThat(ids(result.unavailable())).containsExactly(3L, 4L, 6L);
  }

  @Test
  void isUpTrue_includesLiveServices() {
    CleanupRouting.Result result = route(CleanupRequest.allDown().withIsUp(true));
    assertThat(result.cleaning()).extracting(dispatch -> dispatch.request().serviceId()).containsExactly(2L, 5L);
    assertThat(dispatchFor(result, 2).destination()).isEqualTo(Destination.CLUSTER_QUEUE);
    assertThat(dispatchFor(result, 5).destination()).isEqualTo(Destination.HOST_QUEUE);
    assertThat(dispatchFor(result, 5).target()).isEqualTo("host5@lvm");
  }

  @Test
  void hostAndClusterFilters_matchAtBackendLevel() {
    assertThat(ids(route(CleanupRequest.allDown().withHost("host3")).unavailable())).containsExactly(3L);
    assertThat(route(CleanupRequest.allDown().withHost("host3@lvm#pool")).unavailable()).isEmpty();
    assertThat(ids(route(CleanupRequest.allDown().withClusterName("c2")).unavailable())).containsExactly(4L, 6L);
  }

  @Test
  void disabledFilter_readsTheClusterOfClusteredServices() {
    List<Row> clusters = List.of(cluster("c1@lvm", true), cluster("c2@lvm", false));
    CleanupRouting.Result result = CleanupRouting.route(CleanupRequest.allDown().withDisabled(true),
        SERVICES, clusters, NOW, LIVENESS);
    assertThat(result.cleaning()).extracting(dispatch -> dispatch.request().serviceId()).containsExactly(1L);
    assertThat(result.unavailable()).isEmpty();
  }

  @Test
  void givenUntil_isPassedOnUnchanged() {
    CleanupRouting.Result result = route(CleanupRequest.allDown().withUntilNanos(seconds(950)));
    assertThat(result.cleaning()).allSatisfy(dispatch ->
        assertThat(dispatch.request().untilNanos()).isEqualTo(seconds(950)));
  }

  @Test
  void workCleanup_readsTheRowsOverTheNetworkAndRoutesOnTheSchedulersClock() {
    WorkersWorld world = new WorkersWorld(1, WorkersOptions.cinderToday()).client("c-sch-1");
    world.insert(Database.SERVICES, "host", "host1@lvm", "binary", ServiceColumns.VOLUME_BINARY,
        "cluster_name", "c1@lvm", "deleted", false, "updated_at", seconds(1));
    world.insert(Database.SERVICES, "host", "host2@lvm", "binary", ServiceColumns.VOLUME_BINARY,
        "cluster_name", "c1@lvm", "deleted", false, "updated_at", seconds(50));
    world.insert(Database.CLUSTERS, "name", "c1@lvm", "binary", ServiceColumns.VOLUME_BINARY, "deleted", false);
    // The scheduler's clock runs 30 s fast: at true 55 s host2's heartbeat (50 s) already looks 35 s old.
    world.simulation.setClockOffset(NodeId.of("c-sch-1"), seconds(30));
    WorkersWorld.Result<CleanupRouting.Result> result = world.startAt(seconds(55), "work_cleanup",
        () -> CleanupRouting.workCleanup(world.db("c-sch-1"), CleanupRequest.allDown(),
            world.context("c-sch-1").localTimeNanos(), ServiceLiveness.readerClock(seconds(30))));
    world.runUntil(seconds(60));

    assertThat(ids(result.value().unavailable())).as("both members look down to the fast scheduler")
        .containsExactly(1L, 2L);
  }
}
