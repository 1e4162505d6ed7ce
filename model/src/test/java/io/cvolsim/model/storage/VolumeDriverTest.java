package io.cvolsim.model.storage;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;
import static io.cvolsim.model.storage.StorageWorld.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.Ratio;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolumeDriverTest {
  private static final NodeId NODE = NodeId.of("c-vol-1");

  private final StorageWorld world = new StorageWorld(5, StorageWorld.fixedTimings());

  private Failure failure(String label) {
    return ((Outcome.Failed<?>) world.outcome(label)).failure();
  }

  @Test
  void setup_succeedsAgainstAReachableArray() {
    world.addClient(NODE, at(0, "do_setup", c -> c.driver.doSetup()),
        at(0, "check_for_setup_error", c -> c.driver.checkForSetupError()));
    world.simulation.runUntil(seconds(1));
    assertThat(world.outcome("do_setup").isSuccess()).isTrue();
    assertThat(world.outcome("check_for_setup_error").isSuccess()).isTrue();
    assertThat(world.log.entries()).isEmpty(); // setup changes nothing on the array
  }

  @Test
  void setup_timesOutWhenTheArrayIsUnreachable() {
    world.addClient(NODE, DriverOptions.defaults().withCallTimeoutNanos(seconds(2)),
        at(0, "do_setup", c -> c.driver.doSetup()));
    world.simulation.network().blockBoth(NODE, StorageWorld.STORAGE);
    world.simulation.runUntil(seconds(3));
    assertThat(failure("do_setup")).isInstanceOf(Failure.TimedOut.class);
  }

  @Test
  void injectedDriverErrors_failBeforeReachingTheArray() {
    world.addClient(NODE, DriverOptions.defaults().withErrorRatio(Ratio.ONE),
        at(0, "create", c -> c.driver.createVolume("v1", 1)),
        at(0, "check_for_setup_error", c -> c.driver.checkForSetupError()));
    world.simulation.runUntil(seconds(1));
    assertThat(failure("create").toString()).contains("driver error (injected) in create_volume v1");
    assertThat(failure("check_for_setup_error")).isInstanceOf(Failure.Error.class);
    assertThat(world.log.entries()).isEmpty();
    assertThat(world.simulation.probes().count("driver.injected-error")).isEqualTo(2);
  }

  @Test
  void activeActiveSupport_isTheConfiguredAttribute() {
    assertThat(DriverOptions.defaults().activeActive().optionValue()).isEqualTo("true");
    assertThat(new VolumeDriver(null, StorageWorld.STORAGE, DriverOptions.defaults()).supportsActiveActive()).isTrue();
    assertThat(new VolumeDriver(null, StorageWorld.STORAGE,
        DriverOptions.defaults().withActiveActive(ActiveActiveSupport.UNSUPPORTED)).supportsActiveActive()).isFalse();
  }

  @Test
  void connections_exportAndUnexportPerInitiator() {
    world.addClient(NODE, at(0, "create", c -> c.driver.createVolume("v1", 1)),
        at(millis(200), "attach a", c -> c.driver.initializeConnection("v1", "host-a")),
        at(millis(200), "attach b", c -> c.driver.initializeConnection("v1", "host-b")),
        at(millis(400), "detach a", c -> c.driver.terminateConnection("v1", "host-a")),
        at(millis(600), "ensure export", c -> c.driver.ensureExport("v1")));
    world.simulation.runUntil(seconds(1));

    Object connection = ((Outcome.Success<?>) world.outcome("attach a")).value();
    assertThat(connection).isEqualTo(new ConnectionInfo("v1", "host-a", "iqn.cvolsim:v1", 4));
    assertThat(world.log.inventory().get("v1").exports()).containsExactly("host-b");
    assertThat(world.outcome("ensure export").isSuccess()).isTrue();
  }

  @Test
  void writeThroughAWithdrawnExport_fails() {
    world.addClient(NODE, at(0, "create", c -> c.driver.createVolume("v1", 1)),
        at(millis(200), "write unexported", c -> c.disk("v1", "host-a").writeBlock(0)),
        at(millis(300), "attach", c -> c.driver.initializeConnection("v1", "host-a")),
        at(millis(400), "write block 9", c -> c.disk("v1", "host-a").writeBlock(9)),
        at(millis(500), "write block 3", c -> c.disk("v1", "host-a").writeBlock(3)));
    world.simulation.runUntil(seconds(1));

    assertThat(failure("write unexported").toString()).contains("v1 is not exported to host-a");
    assertThat(failure("write block 9").toString()).contains("block 9 is outside v1");
    assertThat(((Outcome.Success<?>) world.outcome("write block 3")).value()).isEqualTo(1L);
    assertThat(world.log.contents().get("v1")).isEqualTo(new Content(List.of(0L, 0L, 0L, 1L)));
  }

  @Test
  void createFromSnapshot_copiesTheSnapshotNotTheLaterVolume() {
    world.addClient(NODE, at(0, "create", c -> c.driver.createVolume("v1", 1)),
        at(millis(200), "attach", c -> c.driver.initializeConnection("v1", "host-a")),
        at(millis(300), "write 0", c -> c.disk("v1", "host-a").writeBlock(0)),
        at(seconds(1), "snapshot", c -> c.driver.createSnapshot("s1", "v1")),
        at(seconds(6), "write 1", c -> c.disk("v1", "host-a").writeBlock(1)),
        at(seconds(7), "from snapshot", c -> c.driver.createFromSnapshot("v2", "s1", 2)));
    world.simulation.runUntil(seconds(15));

    assertThat(world.outcome("from snapshot").isSuccess()).isTrue();
    assertThat(world.log.contents().get("v2")).isEqualTo(new Content(List.of(1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L)));
    assertThat(world.log.inventory().get("s1").parentVolumeId()).isEqualTo("v1");
    assertThat(world.log.inventory().get("v2").sizeGb()).isEqualTo(2);
  }

  @Test
  void missingObjects_areReportedAsNotFound() {
    world.addClient(NODE, at(0, "extend", c -> c.driver.extendVolume("nothing", 2)),
        at(0, "clone", c -> c.driver.createCloneFrom("v2", "nothing", 1)),
        at(0, "clear download", c -> c.driver.clearDownload("nothing")),
        at(0, "delete snapshot", c -> c.driver.deleteSnapshot("nothing")));
    world.simulation.runUntil(seconds(1));

    assertThat(VolumeDriver.isNotFound(failure("extend"))).isTrue();
    assertThat(VolumeDriver.isNotFound(failure("clone"))).isTrue();
    assertThat(world.outcome("clear download").isSuccess()).isTrue();
    assertThat(world.outcome("delete snapshot").isSuccess()).isTrue();
    assertThat(world.log.entries()).extracting(IoLogEntry::outcome).containsExactly(
        IoOutcome.REJECTED, IoOutcome.REJECTED, IoOutcome.COMPLETED, IoOutcome.COMPLETED);
    assertThat(VolumeDriver.isNotFound(Failure.error("volume is busy"))).isFalse();
  }
}
