package io.cvolsim.model.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueueNamesTest {

  @Test
  void extractHost_splitsAtEachLevel() {
    String host = "node1@lvm#pool-a";
    assertThat(QueueNames.extractHost(host, HostLevel.HOST)).isEqualTo("node1");
    assertThat(QueueNames.extractHost(host, HostLevel.BACKEND)).isEqualTo("node1@lvm");
    assertThat(QueueNames.extractHost(host, HostLevel.POOL)).isEqualTo("pool-a");
  }

  @Test
  void extractHost_withoutPool_answersNoneOrTheDefaultPool() {
    assertThat(QueueNames.extractHost("node1@lvm", HostLevel.POOL)).isNull();
    assertThat(QueueNames.extractPoolOrDefault("node1@lvm")).isEqualTo("_pool0");
    assertThat(QueueNames.extractHost("node1", HostLevel.HOST)).isEqualTo("node1");
    assertThatThrownBy(() -> QueueNames.extractHost(null, HostLevel.BACKEND))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void volumeTopic_usesTheClusterWhenClustered_elseTheHost() {
    String cluster = QueueNames.appendPool(QueueNames.clusterName(" cluster1 ", "lvm"), "pool-a");
    String host = QueueNames.appendPool(QueueNames.serviceHost("node1", "lvm"), "pool-a");
    assertThat(QueueNames.volumeTopic(QueueNames.serviceTopicQueue(cluster, host)))
        .isEqualTo("cinder-volume.cluster1@lvm");
    assertThat(QueueNames.volumeTopic(QueueNames.serviceTopicQueue(null, host)))
        .isEqualTo("cinder-volume.node1@lvm");
  }

  @Test
  void blankCluster_isRefused() {
    assertThatThrownBy(() -> QueueNames.clusterName("  ", "lvm")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void volumeServiceTopics_addTheClusterQueueOnlyWhenClustered() {
    assertThat(QueueNames.volumeServiceTopics("node1", "lvm", null)).containsExactly("cinder-volume.node1@lvm");
    assertThat(QueueNames.volumeServiceTopics("node1", "lvm", "cluster1"))
        .containsExactly("cinder-volume.node1@lvm", "cinder-volume.cluster1@lvm");
    assertThat(QueueNames.volumeServiceTopics("node1", "lvm", "node1")).as("a colliding cluster name")
        .containsExactly("cinder-volume.node1@lvm");
  }
}
