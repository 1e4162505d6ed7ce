package io.cvolsim.model.volume;

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
import io.cvolsim.model.api.StatusWriteObserver;
import io.cvolsim.model.config.ManagerCompletion;
import io.cvolsim.model.config.VolumeLock;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DatabaseNode;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.db.DbStatement;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.dlm.CoordinationBackend;
import io.cvolsim.model.dlm.DlmOptions;
import io.cvolsim.model.dlm.LockCoordinator;
import io.cvolsim.model.dlm.LockLog;
import io.cvolsim.model.rpc.VolumeRpc;
import io.cvolsim.model.service.ServiceOptions;
import io.cvolsim.model.storage.DriverOptions;
import io.cvolsim.model.storage.FencingMode;
import io.cvolsim.model.storage.StorageArray;
import io.cvolsim.model.storage.StorageArrayNode;
import io.cvolsim.model.storage.StorageIoLog;
import io.cvolsim.model.storage.StorageOptions;
import io.cvolsim.model.storage.VolumeDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * c-vol's half of the attachments API on a real database and array: attachment_update exports
 * and marks volume and attachment attaching; attachment_delete ends the connection, removes the
 * attachment and recomputes the volume from the attachments left.
 */
class AttachmentOperationsTest {
  private static final NodeId DB = NodeId.of("db");
  private static final NodeId STORAGE = NodeId.of("storage");
  private static final String HOST = "nova-compute-1";

  private final Database database = new Database();
  private final List<Outcome<Void>> outcomes = new ArrayList<>();
  private Simulation simulation;

  AttachmentOperationsTest() {
    insert(Database.VOLUMES, Row.values("id", "v1", "status", "reserved", "attach_status", "detached",
        "multiattach", false, "deleted", false, "host", "c-vol-1@lvm#pool"));
  }

  private void run(Function<AttachmentOperations, SimFuture<Void>> job) {
    simulation = new Simulation(new SimulationOptions(1_000_000, false, LinkProfile.reliable(millis(1), millis(1))),
        RecordingChoices.seeded(1));
    simulation.addNode(DB, context -> new DatabaseNode(context, database));
    StorageArray array = new StorageArray(StorageOptions.defaults(), new StorageIoLog(simulation::nowNanos));
    simulation.addNode(STORAGE, context -> new StorageArrayNode(context, array));
    simulation.addNode(NodeId.of("c-vol-1"), context -> new Node() {
      @Override
      public void start() {
        AttachmentOperations operations = new AttachmentOperations(manager(context));
        manager(context).driver().createVolume("v1", 1)
            .flatMap(created -> job.apply(operations)).whenComplete(outcomes::add);
      }

      @Override
      public void onMessage(Incoming incoming) {}
    });
    simulation.runUntil(seconds(60));
  }

  private ManagerContext manager(NodeContext context) {
    DbClient db = new DbClient(context, DB, seconds(1));
    VolumeServiceConfig config = new VolumeServiceConfig("c-vol-1", "lvm", "cluster1", ServiceOptions.cinderDefaults(),
        ManagerCompletion.BLIND, VolumeLock.NONE, new FencingOptions(FencingMode.NONE, seconds(30), seconds(5)), 3,
        seconds(60));
    LockCoordinator locks = new LockCoordinator(context, DlmOptions.defaults(CoordinationBackend.FILE, DB, DB),
        new LockLog(() -> 0));
    return new ManagerContext(context, config, 1, db, null, locks,
        new VolumeDriver(context, STORAGE, DriverOptions.defaults()),
        new StatusWriter(context, db, ManagerCompletion.BLIND, StatusWriteObserver.NONE), null, null, null);
  }

  private void insert(String table, java.util.SortedMap<String, Object> values) {
    database.execute(new DbStatement.Insert(table, Row.of(values)));
  }

  private Row row(String table, String id) {
    return database.table(table).get(id);
  }

  private static java.util.SortedMap<String, Object> attachment(String id, String status, String host) {
    return Row.values("id", id, "volume_id", "v1", "instance_uuid", "instance-1", "attach_status", status,
        "attached_host", host, "deleted", false);
  }

  @Test
  void update_exports_andMarksVolumeAndAttachmentAttaching() {
    insert(Database.ATTACHMENTS, attachment("a1", "reserved", null));
    run(operations -> operations.update(new VolumeRpc.AttachmentUpdate("v1", "a1", HOST)));
    assertThat(outcomes).singleElement().satisfies(outcome -> assertThat(outcome.isSuccess()).isTrue());
    assertThat(row(Database.ATTACHMENTS, "a1").get("attach_status")).isEqualTo("attaching");
    assertThat(row(Database.ATTACHMENTS, "a1").get("attached_host")).isEqualTo(HOST);
    assertThat(row(Database.VOLUMES, "v1").get("status")).isEqualTo("attaching");
    assertThat(row(Database.VOLUMES, "v1").get("attach_status")).isEqualTo("attaching");
  }

  @Test
  void update_ofADeletedAttachment_failsAndTouchesNothing() {
    java.util.SortedMap<String, Object> gone = attachment("a1", "reserved", null);
    gone.put("deleted", true);
    insert(Database.ATTACHMENTS, gone);
    run(operations -> operations.update(new VolumeRpc.AttachmentUpdate("v1", "a1", HOST)));
    assertThat(outcomes).singleElement().satisfies(outcome -> assertThat(outcome.isSuccess()).isFalse());
    assertThat(row(Database.VOLUMES, "v1").get("status")).isEqualTo("reserved");
  }

  @Test
  void delete_ofTheLastAttachment_removesIt_andLeavesTheVolumeAvailable() {
    insert(Database.ATTACHMENTS, attachment("a1", "attached", HOST));
    run(operations -> operations.delete(new VolumeRpc.AttachmentDelete("v1", "a1", HOST)));
    assertThat(outcomes).singleElement().satisfies(outcome -> assertThat(outcome.isSuccess()).isTrue());
    assertThat(row(Database.ATTACHMENTS, "a1").isTrue("deleted")).isTrue();
    assertThat(row(Database.ATTACHMENTS, "a1").get("attach_status")).isEqualTo("detached");
    assertThat(row(Database.VOLUMES, "v1").get("status")).isEqualTo("available");
    assertThat(row(Database.VOLUMES, "v1").get("attach_status")).isEqualTo("detached");
  }

  @Test
  void delete_withAnotherAttachmentLeft_leavesTheVolumeInUse() {
    insert(Database.ATTACHMENTS, attachment("a1", "attached", HOST));
    insert(Database.ATTACHMENTS, attachment("a2", "attached", "nova-compute-2"));
    run(operations -> operations.delete(new VolumeRpc.AttachmentDelete("v1", "a1", HOST)));
    assertThat(row(Database.ATTACHMENTS, "a2").isTrue("deleted")).isFalse();
    assertThat(row(Database.VOLUMES, "v1").get("status")).isEqualTo("in-use");
  }

  @Test
  void delete_onAVolumeDestroyedMeanwhile_removesTheAttachment_butWritesNoStatus() {
    insert(Database.ATTACHMENTS, attachment("a1", "attached", HOST));
    database.execute(new DbStatement.Update(Database.VOLUMES, io.cvolsim.model.db.Condition.eq("id", "v1"),
        List.of(io.cvolsim.model.db.Assignment.set("deleted", true), io.cvolsim.model.db.Assignment.set("status",
            "deleted"))));
    run(operations -> operations.delete(new VolumeRpc.AttachmentDelete("v1", "a1", HOST)));
    assertThat(row(Database.ATTACHMENTS, "a1").isTrue("deleted")).isTrue();
    assertThat(row(Database.VOLUMES, "v1").get("status")).isEqualTo("deleted");
  }
}
