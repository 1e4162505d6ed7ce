package io.cvolsim.scenarios.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.model.service.HeartbeatObserver;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import org.junit.jupiter.api.Test;

/** L5 from a service log: after the heal, a running loop's next acknowledged beat must come within the bound. */
class HeartbeatRecoveryPropertyTest {
  private static final long BOUND = 10_500;
  private static final long END = 1_000_000;
  private final long[] now = {0};
  private final ServiceLog log = new ServiceLog(() -> now[0]);
  private final HeartbeatObserver cvol = log.observer("c-vol-1@lvm", "c-vol-1");

  private PropertyResult check() {
    return HeartbeatRecoveryProperty.check(log.events(), BOUND, END);
  }

  private void at(long time, Runnable action) {
    now[0] = time;
    action.run();
  }

  @Test
  void aBeatWithinTheBound_holds_andOneAfterIt_isLate() {
    at(0, cvol::started);
    at(100, () -> log.reconnected("c-vol-1"));
    at(100 + BOUND, cvol::acknowledged);
    assertThat(check().status()).isEqualTo(PropertyStatus.HOLDS);

    at(20_000, () -> log.reconnected("c-vol-1"));
    at(20_000 + BOUND + 1, cvol::acknowledged);
    PropertyResult late = check();
    assertThat(late.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(late.witness()).singleElement().asString().contains("c-vol-1 was reported up");
  }

  @Test
  void aLoopThatNeverBeatsAgain_isViolated() {
    at(0, cvol::started);
    at(100, () -> log.reconnected("c-vol-1"));
    assertThat(check().status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(check().witness()).singleElement().asString().contains("never had a heartbeat acknowledged");
  }

  @Test
  void deadOrUnhealthyNodes_andNodesWithoutALoop_areExcused() {
    HeartbeatObserver other = log.observer("c-vol-2@lvm", "c-vol-2");
    at(0, cvol::started);
    at(0, other::started);
    at(50, () -> log.processDied("c-vol-1"));
    at(100, () -> log.reconnected("c-vol-1"));
    at(100, () -> log.reconnected("c-vol-2"));
    at(200, other::skipped);
    at(300, () -> log.reconnected("c-vol-3"));
    assertThat(check().status()).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }

  @Test
  void aReconnectionTooCloseToTheEnd_isNotJudged() {
    at(0, cvol::started);
    at(END - BOUND + 1, () -> log.reconnected("c-vol-1"));
    assertThat(check().status()).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }
}
