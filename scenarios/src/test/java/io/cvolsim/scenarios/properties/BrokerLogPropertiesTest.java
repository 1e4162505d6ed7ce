package io.cvolsim.scenarios.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.model.broker.AckMode;
import io.cvolsim.model.broker.BrokerOptions;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import org.junit.jupiter.api.Test;

/** L1's lost-job caveat and the redelivery goal on broker logs of a real broker (V18). */
class BrokerLogPropertiesTest {
  private static final BrokerOptions OSLO = BrokerOptions.osloDefaults();

  /** v1 is stuck in creating; its row was claimed by the scheduler (service 5) before the cast. */
  private static TestArtifacts stuckCreate(BrokerScript broker) {
    TestArtifacts artifacts = new TestArtifacts()
        .table(Database.VOLUMES, Row.of(Row.values("id", "v1", "status", "creating", "deleted", false)))
        .table(Database.WORKERS, Row.of(Row.values("id", 1L, "resource_type", "Volume", "resource_id", "v1",
            "status", "creating", "service_id", 5L, "race_preventer", 1L, "updated_at", 0L)));
    artifacts.broker = broker.log;
    return artifacts;
  }

  @Test
  void l1_jobLostAfterTheAck_explainsTheStuckVolume() {
    BrokerScript broker = new BrokerScript(OSLO).oneJobWhoseConsumerCrashes();
    assertThat(broker.log.lost()).hasSize(1);
    PropertyResult result = EventualFinalityProperty.check(stuckCreate(broker).build());
    assertThat(result.status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(result.witness()).singleElement().asString().contains("lost after the ack");
  }

  @Test
  void l1_jobRedeliveredAndDone_leavesTheStuckVolumeUnexplained() {
    BrokerScript broker = new BrokerScript(OSLO.withAckMode(AckMode.AFTER_COMPLETION)).oneJobWhoseConsumerCrashes();
    PropertyResult result = EventualFinalityProperty.check(stuckCreate(broker).build());
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
  }

  @Test
  void redeliveryGoal_isReachedOnlyWhenTheBrokerDeliversAgain() {
    TestArtifacts artifacts = new TestArtifacts();
    artifacts.broker = new BrokerScript(OSLO.withAckMode(AckMode.AFTER_COMPLETION)).oneJobWhoseConsumerCrashes().log;
    assertThat(artifacts.goal(ReachabilityGoals.REDELIVERED)).isEqualTo(PropertyStatus.HOLDS);
    artifacts.broker = new BrokerScript(OSLO).oneJobWhoseConsumerCrashes().log;
    assertThat(artifacts.goal(ReachabilityGoals.REDELIVERED)).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }
}
