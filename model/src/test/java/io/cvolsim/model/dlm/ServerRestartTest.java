package io.cvolsim.model.dlm;

import static io.cvolsim.model.dlm.DlmWorld.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A restarted etcd or ZooKeeper server keeps its leases and sessions and times them afresh, so
 * a dead holder's lock still frees, one full lease after the restart.
 */
class ServerRestartTest {
  private static final String LOCK = "vol-9";

  @ParameterizedTest
  @EnumSource(value = CoordinationBackend.class, names = {"ETCD", "ZOOKEEPER"})
  void restartedServer_expiresADeadHoldersLockOneLeaseAfterRestarting(CoordinationBackend backend) {
    DlmWorld world = DlmWorld.withClients(90, backend, "c-vol-1", "c-vol-2");
    long leaseNanos = DlmOptions.defaultLeaseNanos(backend);
    world.acquireAt(seconds(1), "c-vol-1", LOCK);
    world.at(seconds(2), "crash holder", () -> world.simulation.crash(NodeId.of("c-vol-1")));
    world.at(seconds(3), "crash server", () -> world.simulation.crash(DlmWorld.SERVER));
    world.at(seconds(5), "restart server", () -> world.simulation.restart(DlmWorld.SERVER));
    DlmWorld.Result<LockGrant> second = world.acquireAt(seconds(6), "c-vol-2", LOCK);
    world.runUntil(seconds(5) + leaseNanos - seconds(1));
    assertThat(second.isDone()).as("the restart gave the lease a fresh TTL").isFalse();

    world.runUntil(seconds(5) + leaseNanos + seconds(2));
    assertThat(second.succeeded()).isTrue();
    assertThat(world.events(LOCK, LockEvent.Kind.EXPIRED)).singleElement()
        .satisfies(event -> assertThat(event.holder()).isEqualTo(NodeId.of("c-vol-1")));
  }
}
