package io.cvolsim.model.api;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.kernel.choice.RecordingChoices;
import io.cvolsim.kernel.sim.LinkProfile;
import io.cvolsim.kernel.sim.Simulation;
import io.cvolsim.kernel.sim.SimulationOptions;
import io.cvolsim.model.api.ApiResponse.Code;
import io.cvolsim.model.config.ApiTransition;
import io.cvolsim.model.config.AttachmentDeleteStatus;
import io.cvolsim.model.config.AttachmentLock;
import io.cvolsim.model.config.UnscheduledDelete;
import io.cvolsim.model.db.Assignment;
import io.cvolsim.model.db.Condition;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DatabaseNode;
import io.cvolsim.model.db.DbStatement;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.dlm.CoordinationBackend;
import io.cvolsim.model.dlm.DlmOptions;
import io.cvolsim.model.dlm.LockLog;
import io.cvolsim.model.rpc.CleanupResponse;
import io.cvolsim.model.rpc.VolumeRpc;
import io.cvolsim.model.workers.CleanupRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * The API's half of the attachments API, with c-vol played by a dispatcher that writes what
 * c-vol's handlers write, 100 ms after the call. Requests go to one API node, whose file lock
 * excludes its own greenthreads: enough to show the duplicate check; across nodes it takes etcd
 * (the runbook shows that).
 */
class AttachmentRequestsTest {
  private static final NodeId DB = NodeId.of("db");
  private static final NodeId API = NodeId.of("api-1");

  private final Database database = new Database();
  private final List<VolumeRpc> calls = new ArrayList<>();
  private final List<Code> answers = new ArrayList<>();
  private Runnable afterCVolDetached = () -> {};
  private Simulation simulation;

  AttachmentRequestsTest() {
    insert(Database.VOLUMES, Row.values("id", "v1", "status", "available", "attach_status", "detached",
        "multiattach", false, "deleted", false, "host", "c-vol-1@lvm#pool"));
  }

  private void run(AttachmentLock lock, AttachmentDeleteStatus deleteStatus, VolumeRequest... requests) {
    simulation = new Simulation(new SimulationOptions(1_000_000, false, LinkProfile.reliable(millis(1), millis(1))),
        RecordingChoices.seeded(1));
    simulation.addNode(DB, context -> new DatabaseNode(context, database));
    ApiOptions options = new ApiOptions(ApiTransition.CAS, DB, seconds(1), seconds(10), UnscheduledDelete.CAS);
    AttachmentApiOptions attachments = new AttachmentApiOptions(lock, deleteStatus,
        DlmOptions.defaults(CoordinationBackend.FILE, DB, DB), new LockLog(simulation::nowNanos),
        StatusWriteObserver.NONE, 0);
    simulation.addNode(API, context -> new VolumeApiNode(context, options, new PlayedVolumeService(context),
        attachments));
    for (int i = 0; i < requests.length; i++) {
      VolumeRequest request = requests[i];
      answers.add(null);
      int slot = i;
      simulation.addNode(NodeId.of("client-" + i), context -> new Node() {
        @Override
        public void start() {
          context.call(API, request, ApiResponse.class, seconds(30)).whenComplete(outcome -> answers.set(slot,
              outcome instanceof Outcome.Success<ApiResponse> success ? success.value().code() : null));
        }

        @Override
        public void onMessage(Incoming incoming) {}
      });
    }
    simulation.runUntil(seconds(30));
  }

  /** c-vol as a dispatcher: the writes of its attachment_update and attachment_delete handlers. */
  private final class PlayedVolumeService implements JobDispatcher {
    private final NodeContext context;

    PlayedVolumeService(NodeContext context) {
      this.context = context;
    }

    @Override
    public SimFuture<Void> callVolume(VolumeRpc rpc, Row volume) {
      calls.add(rpc);
      return context.sleep("c-vol", millis(100)).map(slept -> {
        if (rpc instanceof VolumeRpc.AttachmentUpdate update) {
          save(Database.ATTACHMENTS, update.attachmentId(), "attach_status", "attaching", "attached_host",
              update.connectorHost());
          save(Database.VOLUMES, "v1", "status", "attaching", "attach_status", "attaching");
        } else {
          save(Database.ATTACHMENTS, ((VolumeRpc.AttachmentDelete) rpc).attachmentId(), "attach_status", "detached",
              "deleted", true);
          save(Database.VOLUMES, "v1", "status", "available", "attach_status", "detached");
          afterCVolDetached.run();
        }
        return null;
      });
    }

    @Override
    public SimFuture<Void> dispatch(VolumeJob job, Row volume) {
      throw new UnsupportedOperationException("not in this test");
    }

    @Override
    public SimFuture<CleanupResponse> workCleanup(CleanupRequest request) {
      throw new UnsupportedOperationException("not in this test");
    }
  }

  private void insert(String table, SortedMap<String, Object> values) {
    database.execute(new DbStatement.Insert(table, Row.of(values)));
  }

  private void save(String table, String id, Object... namesAndValues) {
    List<Assignment> values = new ArrayList<>();
    Row.values(namesAndValues).forEach((column, value) -> values.add(Assignment.set(column, value)));
    database.execute(new DbStatement.Update(table, Condition.eq("id", id), values));
  }

  private Row row(String table, String id) {
    return database.table(table).get(id);
  }

  private void reserved(String attachmentId, String instance) {
    insert(Database.ATTACHMENTS, Row.values("id", attachmentId, "volume_id", "v1", "instance_uuid", instance,
        "attach_status", "reserved", "deleted", false));
  }

  private void attached(String attachmentId) {
    insert(Database.ATTACHMENTS, Row.values("id", attachmentId, "volume_id", "v1", "instance_uuid", "instance-1",
        "attach_status", "attached", "attached_host", "nova-compute-1", "deleted", false));
    save(Database.VOLUMES, "v1", "status", "in-use", "attach_status", "attached");
  }

  @Test
  void reserve_ofAnAvailableVolume_reservesIt_andInsertsAReservedRow() {
    run(AttachmentLock.DLM, AttachmentDeleteStatus.C_VOL, new VolumeRequest.AttachmentReserve("v1", "a1", "instance-1"));
    assertThat(answers).containsExactly(Code.ACCEPTED);
    assertThat(row(Database.VOLUMES, "v1").get("status")).isEqualTo("reserved");
    assertThat(row(Database.ATTACHMENTS, "a1").get("attach_status")).isEqualTo("reserved");
  }

  @Test
  void reserve_ofAVolumeAnotherInstanceHolds_isRejected() {
    attached("a1");
    run(AttachmentLock.DLM, AttachmentDeleteStatus.C_VOL, new VolumeRequest.AttachmentReserve("v1", "a2", "instance-2"));
    assertThat(answers).containsExactly(Code.REJECTED);
    assertThat(row(Database.ATTACHMENTS, "a2")).isNull();
  }

  /** LP 1694530: the failed CAS is overridden for the instance that holds the volume; a second row. */
  @Test
  void reserve_byTheInstanceThatHoldsTheVolume_overridesTheFailedCas_andAddsASecondRow() {
    attached("a1");
    run(AttachmentLock.DLM, AttachmentDeleteStatus.C_VOL, new VolumeRequest.AttachmentReserve("v1", "a2", "instance-1"));
    assertThat(answers).containsExactly(Code.ACCEPTED);
    assertThat(row(Database.VOLUMES, "v1").get("status")).isEqualTo("in-use");
    assertThat(row(Database.ATTACHMENTS, "a2").get("attach_status")).isEqualTo("reserved");
    assertThat(simulation.probes().count("api.attachment-reserve-overridden")).isEqualTo(1);
  }

  /** LP #1833736's fix: the second update of one instance waits for the lock, sees the first, backs out. */
  @Test
  void twoUpdatesOfOneInstance_underTheLock_theSecondIsBackedOut() {
    reserved("a1", "instance-1");
    reserved("a2", "instance-1");
    run(AttachmentLock.DLM, AttachmentDeleteStatus.C_VOL, new VolumeRequest.AttachmentUpdate("v1", "a1", "nova-compute-1"),
        new VolumeRequest.AttachmentUpdate("v1", "a2", "nova-compute-1"));
    assertThat(answers).containsExactlyInAnyOrder(Code.ACCEPTED, Code.REJECTED);
    assertThat(calls).hasSize(1);
    long live = database.rows(Database.ATTACHMENTS).stream().filter(row -> !row.isTrue("deleted")).count();
    assertThat(live).isEqualTo(1);
    assertThat(simulation.probes().count("api.attachment-duplicate-backed-out")).isEqualTo(1);
  }

  /** Before the fix: no lock, no check; both reach c-vol and both end attaching. */
  @Test
  void twoUpdatesOfOneInstance_withoutTheLock_bothReachCVol() {
    reserved("a1", "instance-1");
    reserved("a2", "instance-1");
    run(AttachmentLock.NONE, AttachmentDeleteStatus.C_VOL, new VolumeRequest.AttachmentUpdate("v1", "a1", "nova-compute-1"),
        new VolumeRequest.AttachmentUpdate("v1", "a2", "nova-compute-1"));
    assertThat(answers).containsExactly(Code.ACCEPTED, Code.ACCEPTED);
    assertThat(calls).hasSize(2);
    assertThat(row(Database.ATTACHMENTS, "a1").get("attach_status")).isEqualTo("attaching");
    assertThat(row(Database.ATTACHMENTS, "a2").get("attach_status")).isEqualTo("attaching");
  }

  @Test
  void complete_marksTheAttachmentAttached_andTheVolumeInUse() {
    reserved("a1", "instance-1");
    run(AttachmentLock.DLM, AttachmentDeleteStatus.C_VOL, new VolumeRequest.AttachmentComplete("v1", "a1"));
    assertThat(answers).containsExactly(Code.ACCEPTED);
    assertThat(row(Database.ATTACHMENTS, "a1").get("attach_status")).isEqualTo("attached");
    assertThat(row(Database.VOLUMES, "v1").get("status")).isEqualTo("in-use");
    assertThat(row(Database.VOLUMES, "v1").get("attach_status")).isEqualTo("attached");
  }

  @Test
  void delete_ofAReservedAttachment_needsNoCVol() {
    reserved("a1", "instance-1");
    save(Database.VOLUMES, "v1", "status", "reserved");
    run(AttachmentLock.DLM, AttachmentDeleteStatus.C_VOL, new VolumeRequest.AttachmentDelete("v1", "a1"));
    assertThat(answers).containsExactly(Code.ACCEPTED);
    assertThat(calls).isEmpty();
    assertThat(row(Database.ATTACHMENTS, "a1").isTrue("deleted")).isTrue();
    assertThat(row(Database.VOLUMES, "v1").get("status")).isEqualTo("available");
  }

  private void volumeDestroyedRightAfterCVolDetached() {
    attached("a1");
    afterCVolDetached = () -> save(Database.VOLUMES, "v1", "status", "deleted", "deleted", true);
  }

  /** LP #1937084 before 2ec222284: the API's second write finds the volume gone and answers 404. */
  @Test
  void delete_apiAndCVolWrite_aVolumeDestroyedBetweenThem_answers404AfterTheDetach() {
    volumeDestroyedRightAfterCVolDetached();
    run(AttachmentLock.DLM, AttachmentDeleteStatus.API_AND_C_VOL, new VolumeRequest.AttachmentDelete("v1", "a1"));
    assertThat(answers).containsExactly(Code.NOT_FOUND);
    assertThat(row(Database.ATTACHMENTS, "a1").get("attach_status")).isEqualTo("detached");
    assertThat(simulation.probes().count("api.attachment-delete-volume-vanished")).isEqualTo(1);
  }

  /** After 2ec222284: c-vol is the only writer, so the detach is answered as done. */
  @Test
  void delete_cVolWritesAlone_aVolumeDestroyedAfterwards_answersAccepted() {
    volumeDestroyedRightAfterCVolDetached();
    run(AttachmentLock.DLM, AttachmentDeleteStatus.C_VOL, new VolumeRequest.AttachmentDelete("v1", "a1"));
    assertThat(answers).containsExactly(Code.ACCEPTED);
    assertThat(calls).hasSize(1);
  }
}
