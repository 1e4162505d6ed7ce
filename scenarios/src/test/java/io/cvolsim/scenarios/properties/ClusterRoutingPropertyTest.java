package io.cvolsim.scenarios.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.broker.BrokerEvent;
import io.cvolsim.model.broker.BrokerLogEntry;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** S12 from hand-written logs: a volume job runs only on a member of its queue whose driver started. */
class ClusterRoutingPropertyTest {
  private final long[] now = {0};
  private final ServiceLog services = new ServiceLog(() -> now[0]);
  private final List<BrokerLogEntry> broker = new ArrayList<>();
  private final List<Row> serviceRows = List.of(
      Row.of(Row.values("id", 1L, "host", "c-vol-1@lvm", "cluster_name", "cluster1@lvm")),
      Row.of(Row.values("id", 2L, "host", "c-vol-2@lvm", "cluster_name", "cluster2@lvm")));

  private void dispatch(long at, String node, String topic) {
    broker.add(new BrokerLogEntry(at, BrokerEvent.DISPATCH_STARTED, broker.size() + 1, topic, NodeId.of(node), 1, ""));
  }

  private PropertyResult check() {
    return ClusterRoutingProperty.check(broker, services.events(), serviceRows);
  }

  @Test
  void jobsOnTheirMembersWithDrivers_hold() {
    services.driverStarted("c-vol-1@lvm", "c-vol-1");
    dispatch(1, "c-vol-1", "cinder-volume.cluster1@lvm");
    dispatch(2, "c-vol-1", "cinder-volume.c-vol-1@lvm");
    dispatch(3, "sch-1", "cinder-scheduler");
    assertThat(check().status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(check().summary()).startsWith("2 volume jobs");
  }

  @Test
  void aBlackHoleMember_andAJobFromAnotherClustersQueue_areViolations() {
    services.driverUninitialized("c-vol-1@lvm", "c-vol-1");
    services.driverStarted("c-vol-2@lvm", "c-vol-2");
    dispatch(1, "c-vol-1", "cinder-volume.cluster1@lvm");
    dispatch(2, "c-vol-2", "cinder-volume.cluster1@lvm");
    PropertyResult result = check();
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.witness()).containsExactly(
        "c-vol-1 ran message #1 from cinder-volume.cluster1@lvm at 0.000000001 with its driver not initialized",
        "c-vol-2 ran message #2 from cinder-volume.cluster1@lvm at 0.000000002 with not a member: it is "
            + "c-vol-2@lvm of cluster2@lvm");
  }

  /** c-vol-1 starts its driver and dies at 5 ns; then c-vol-1 runs a job at {@code dispatchAt}. */
  private PropertyResult aJobAfterTheDriverStartedAndTheProcessDiedAt5(long dispatchAt) {
    services.driverStarted("c-vol-1@lvm", "c-vol-1");
    now[0] = 5;
    services.processDied("c-vol-1");
    dispatch(dispatchAt, "c-vol-1", "cinder-volume.cluster1@lvm");
    return check();
  }

  @Test
  void aRestartedNodeNeedsItsDriverAgain() {
    assertThat(aJobAfterTheDriverStartedAndTheProcessDiedAt5(6).status()).isEqualTo(PropertyStatus.VIOLATED);
  }

  /** fencing=self, hardened seed 194: the job and then the self-fence ran in one instant's batch. */
  @Test
  void aDeathStampedTheInstantOfTheDispatch_cameAfterIt() {
    assertThat(aJobAfterTheDriverStartedAndTheProcessDiedAt5(5).status()).isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void noVolumeJob_isNotExercised() {
    dispatch(1, "sch-1", "cinder-scheduler");
    assertThat(check().status()).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }
}
