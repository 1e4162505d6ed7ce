package io.cvolsim.model.api;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.Ratio;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.kernel.choice.RecordingChoices;
import io.cvolsim.kernel.sim.LinkProfile;
import io.cvolsim.kernel.sim.Simulation;
import io.cvolsim.kernel.sim.SimulationOptions;
import io.cvolsim.model.api.ApiResponse.Code;
import io.cvolsim.model.config.ApiTransition;
import io.cvolsim.model.config.UnscheduledDelete;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DatabaseNode;
import io.cvolsim.model.db.DatabaseOptions;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.db.DbStatement;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.rpc.CleanupResponse;
import io.cvolsim.model.workers.CleanupRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * V3 through the API: two racing requests on one volume, each sent to its own API node at the
 * same instant. The row lock (one master) or certification and a retry of the whole transaction
 * (two masters) lets exactly one through, as CAS does.
 */
class LockingTransitionTest {
  private static final NodeId DB = NodeId.of("db");

  private final Database database = new Database();
  private final List<VolumeJob> dispatched = new ArrayList<>();
  private final List<Code> answers = new ArrayList<>();
  private Simulation simulation;

  private void run(DatabaseOptions databaseOptions, VolumeRequest... requests) {
    database.execute(new DbStatement.Insert(Database.VOLUMES, Row.of(Row.values("id", "v1", "status", "available",
        "host", "node-1@lvm", "attach_status", "detached", "multiattach", false, "deleted", false, "size", 1L))));
    simulation = new Simulation(new SimulationOptions(1_000_000, false, LinkProfile.reliable(millis(1), millis(1))),
        RecordingChoices.seeded(1));
    simulation.addNode(DB, context -> new DatabaseNode(context, database, databaseOptions));
    ApiOptions options = new ApiOptions(ApiTransition.SELECT_FOR_UPDATE, DB, seconds(1), seconds(10),
        UnscheduledDelete.CAS);
    for (int i = 0; i < requests.length; i++) {
      NodeId api = NodeId.of("api-" + i);
      VolumeRequest request = requests[i];
      simulation.addNode(api, context -> new VolumeApiNode(context, options, new RecordingDispatcher()));
      simulation.addNode(NodeId.of("client-" + i), context -> new Node() {
        @Override
        public void start() {
          context.call(api, request, ApiResponse.class, seconds(60)).whenComplete(outcome ->
              answers.add(outcome instanceof Outcome.Success<ApiResponse> success ? success.value().code() : null));
        }

        @Override
        public void onMessage(Incoming incoming) {}
      });
    }
    simulation.runUntil(seconds(60));
  }

  private final class RecordingDispatcher implements JobDispatcher {
    @Override
    public SimFuture<Void> dispatch(VolumeJob job, Row volume) {
      dispatched.add(job);
      return SimFuture.succeeded(null);
    }

    @Override
    public SimFuture<CleanupResponse> workCleanup(CleanupRequest request) {
      throw new UnsupportedOperationException("not in this test");
    }
  }

  private String status() {
    return database.table(Database.VOLUMES).get("v1").string("status");
  }

  @Test
  void twoExtends_oneMaster_theLockLetsOneThrough() {
    run(DatabaseOptions.singleMaster(), new VolumeRequest.Extend("v1", 2), new VolumeRequest.Extend("v1", 3));
    assertThat(answers).containsExactlyInAnyOrder(Code.ACCEPTED, Code.REJECTED);
    assertThat(dispatched).hasSize(1);
    assertThat(status()).isEqualTo("extending");
    assertThat(simulation.probes().count("db.row-lock-waited")).isEqualTo(1);
    assertThat(simulation.probes().count("db.deadlock-retried")).isZero();
  }

  @Test
  void twoExtends_twoMasters_theLoserFailsCertification_andItsRetryIsRejected() {
    run(DatabaseOptions.masters(2, millis(5)), new VolumeRequest.Extend("v1", 2), new VolumeRequest.Extend("v1", 3));
    assertThat(answers).containsExactlyInAnyOrder(Code.ACCEPTED, Code.REJECTED);
    assertThat(dispatched).hasSize(1);
    assertThat(simulation.probes().count("db.row-lock-waited")).as("each holds the lock on its own master").isZero();
    assertThat(simulation.probes().count("db.certification-failed")).isEqualTo(1);
    assertThat(simulation.probes().count("db.deadlock-retried")).isEqualTo(1);
  }

  @Test
  void delete_ofAVolumeWithASnapshot_isRejected_afterReadingTheSnapshotsUnderLock() {
    database.execute(new DbStatement.Insert(Database.SNAPSHOTS,
        Row.of(Row.values("id", "s1", "volume_id", "v1", "status", "available", "deleted", false))));
    run(DatabaseOptions.singleMaster(), new VolumeRequest.Delete("v1", false));
    assertThat(answers).containsExactly(Code.REJECTED);
    assertThat(status()).isEqualTo("available");
  }

  @Test
  void volumeDeletedBeforeItsLockWasGranted_isNotFoundUnderTheLock() {
    database.execute(new DbStatement.Insert(Database.VOLUMES, Row.of(Row.values("id", "gone", "status", "available",
        "deleted", true))));
    List<Boolean> applied = new ArrayList<>();
    run(DatabaseOptions.singleMaster());
    simulation.addNode(NodeId.of("api-direct"), context -> new Node() {
      @Override
      public void start() {
        new LockingTransition(new DbClient(context, DB, seconds(1)))
            .apply("gone", VolumeTransitions.of(new VolumeRequest.Extend("gone", 2), 0))
            .whenComplete(outcome -> applied.add(((Outcome.Success<Boolean>) outcome).value()));
      }

      @Override
      public void onMessage(Incoming incoming) {}
    });
    simulation.runUntil(seconds(70));
    assertThat(applied).containsExactly(false);
    assertThat(database.table(Database.VOLUMES).get("gone").string("status")).isEqualTo("available");
  }

  @Test
  void deadlocksOnEveryCommit_spendTheFiveRetries_andAnswerAnError() {
    database.setDeadlockRatio(Ratio.ONE);
    run(DatabaseOptions.singleMaster(), new VolumeRequest.Extend("v1", 2));
    assertThat(answers).containsExactly(Code.ERROR);
    assertThat(simulation.probes().count("db.deadlock-retried")).isEqualTo(5);
    assertThat(simulation.probes().count("db.deadlock-retries-spent")).isEqualTo(1);
    assertThat(simulation.probes().count("db.row-lock-waited")).as("each victim's locks were released").isZero();
    assertThat(status()).isEqualTo("available");
    assertThat(dispatched).isEmpty();
  }
}
