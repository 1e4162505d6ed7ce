package io.cvolsim.model.api;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.kernel.choice.RecordingChoices;
import io.cvolsim.kernel.sim.LinkProfile;
import io.cvolsim.kernel.sim.Simulation;
import io.cvolsim.kernel.sim.SimulationOptions;
import io.cvolsim.model.config.ApiTransition;
import io.cvolsim.model.config.ErrorReporting;
import io.cvolsim.model.config.QuotaKeeping;
import io.cvolsim.model.config.SourceDelete;
import io.cvolsim.model.config.UnscheduledDelete;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DatabaseNode;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.rpc.CleanupResponse;
import io.cvolsim.model.workers.CleanupRequest;
import io.cvolsim.model.workers.WorkersClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An admin's {@code POST /workers/cleanup} without an {@code until}: bounded by the API node's
 * clock, as Cinder's API does, or by the database's when workers rows carry its clock, so that an
 * API node whose clock lags cannot pass over rows stamped by the database.
 */
class AdminCleanupClockTest {
  private static final NodeId DB = NodeId.of("db");
  private static final NodeId API = NodeId.of("api-1");
  private static final long API_CLOCK_BEHIND_NANOS = seconds(100);

  private static Long boundSent(WorkersClock clock) {
    Simulation simulation = new Simulation(new SimulationOptions(100_000, false,
        LinkProfile.reliable(millis(1), millis(1))), RecordingChoices.seeded(1));
    simulation.addNode(DB, context -> new DatabaseNode(context, new Database()));
    ApiOptions options = new ApiOptions(ApiTransition.CAS, DB, seconds(1), seconds(10), UnscheduledDelete.CAS,
        SourceDelete.QUEUE, ErrorReporting.GENERIC, QuotaKeeping.OFF, clock,
        io.cvolsim.model.config.UnreserveAttachments.ATTACHED);
    List<CleanupRequest> routed = new ArrayList<>();
    simulation.addNode(API, context -> new VolumeApiNode(context, options, new JobDispatcher() {
      @Override
      public SimFuture<Void> dispatch(VolumeJob job, Row volume) {
        throw new UnsupportedOperationException("no jobs here");
      }

      @Override
      public SimFuture<CleanupResponse> workCleanup(CleanupRequest request) {
        routed.add(request);
        return SimFuture.succeeded(new CleanupResponse(List.of(), List.of()));
      }
    }));
    simulation.setClockOffset(API, -API_CLOCK_BEHIND_NANOS);
    simulation.addNode(NodeId.of("admin"), context -> new Node() {
      @Override
      public void start() {
        context.call(API, new WorkersCleanupRequest(CleanupRequest.allDown()), CleanupResponse.class, seconds(5));
      }

      @Override
      public void onMessage(Incoming incoming) {}
    });
    simulation.runUntil(seconds(1));
    assertThat(routed).hasSize(1);
    return routed.get(0).untilNanos();
  }

  @Test
  void writerClock_theApiNodesLaggingClockBoundsTheCleanup() {
    assertThat(boundSent(WorkersClock.WRITER)).isLessThan(0L);
  }

  @Test
  void databaseClock_theDatabasesClockBoundsIt() {
    assertThat(boundSent(WorkersClock.DB_SERVER)).isBetween(0L, seconds(1));
  }
}
