package io.cvolsim.model.dlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.NodeId;
import org.junit.jupiter.api.Test;

class DlmOptionsTest {

  @Test
  void optionValues_roundTrip() {
    for (CoordinationBackend backend : CoordinationBackend.values()) {
      assertThat(CoordinationBackend.fromOptionValue(backend.optionValue())).isEqualTo(backend);
    }
    for (LockOrder order : LockOrder.values()) {
      assertThat(LockOrder.fromOptionValue(order.optionValue())).isEqualTo(order);
    }
    assertThat(CoordinationBackend.fromOptionValue(" Workers-Table ")).isEqualTo(CoordinationBackend.WORKERS_TABLE);
    assertThatThrownBy(() -> LockOrder.fromOptionValue("random")).hasMessageContaining("lock.order");
  }

  @Test
  void defaults_followToozAndKazoo() {
    DlmOptions etcd = DlmOptions.defaults(CoordinationBackend.ETCD, NodeId.of("etcd"), NodeId.of("db"));
    assertThat(etcd.leaseNanos()).isEqualTo(Durations.seconds(30));
    assertThat(etcd.etcdHeartbeatTtlNanos() / 2).isEqualTo(Durations.seconds(15));
    assertThat(etcd.lockOrder()).isEqualTo(LockOrder.SORTED);
    DlmOptions zooKeeper = DlmOptions.defaults(CoordinationBackend.ZOOKEEPER, NodeId.of("zk"), NodeId.of("db"));
    assertThat(zooKeeper.leaseNanos()).isEqualTo(Durations.seconds(10));
    assertThat(etcd.withLeaseNanos(Durations.seconds(90)).etcdHeartbeatTtlNanos())
        .as("the membership timeout caps the heartbeat").isEqualTo(Durations.seconds(30));
  }

  @Test
  void withSetting_appliesEachKeyAndRejectsOthers() {
    DlmOptions options = DlmOptions.defaults(CoordinationBackend.FILE, NodeId.of("dlm"), NodeId.of("db"))
        .withSetting("coordination.backend", "zookeeper")
        .withSetting("coordination.lease", "4s")
        .withSetting("lock.order", "decorator-order");
    assertThat(options.backend()).isEqualTo(CoordinationBackend.ZOOKEEPER);
    assertThat(options.leaseNanos()).isEqualTo(Durations.seconds(4));
    assertThat(options.lockOrder()).isEqualTo(LockOrder.DECORATOR_ORDER);
    assertThat(options.withSetting("coordination.backend", "etcd").leaseNanos())
        .as("a backend brings its own default lease").isEqualTo(Durations.seconds(30));
    assertThatThrownBy(() -> options.withSetting("coordination.heartbeat", "1s"))
        .hasMessageContaining("coordination.lease");
  }

  @Test
  void onlyFileLocksAreFreedByProcessDeath() {
    assertThat(CoordinationBackend.FILE.freedAtProcessDeath()).isTrue();
    assertThat(CoordinationBackend.ETCD.freedAtProcessDeath()).isFalse();
    assertThat(CoordinationBackend.WORKERS_TABLE.leaseBased()).isFalse();
    assertThat(CoordinationBackend.ZOOKEEPER.leaseBased()).isTrue();
  }
}
