package io.cvolsim.scenarios.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.reports.PropertyStatus;
import org.junit.jupiter.api.Test;

/** S11 from a service log: a down decision needs service_down_time of true silence before it. */
class UpDownConsistencyPropertyTest {
  private static final long DOWN_TIME = Durations.seconds(60);

  @Test
  void declaringABeatingServiceDown_isTooEarly_butAfterTheDownTimeItHolds() {
    long[] now = {0};
    ServiceLog log = new ServiceLog(() -> now[0]);
    log.heartbeat("c-vol-1@lvm", "c-vol-1");
    now[0] = Durations.seconds(30);
    log.declaredDown("c-vol-1@lvm", "sch-1");
    assertThat(UpDownConsistencyProperty.check(log.events(), DOWN_TIME).status()).isEqualTo(PropertyStatus.VIOLATED);

    ServiceLog patient = new ServiceLog(() -> now[0]);
    now[0] = 0;
    patient.heartbeat("c-vol-1@lvm", "c-vol-1");
    now[0] = Durations.seconds(62);
    patient.declaredDown("c-vol-1@lvm", "sch-1");
    assertThat(UpDownConsistencyProperty.check(patient.events(), DOWN_TIME).status()).isEqualTo(PropertyStatus.HOLDS);
  }

  /**
   * A node stalled while its beat was on the way learns of the write only when it wakes: the beat
   * counts from its sending, the earliest it can have been written (hardened all-faults seed 2223,
   * a stall and a cut from the database that each last as drawn).
   */
  @Test
  void aBeatAcknowledgedLate_countsFromItsSending() {
    long[] now = {Durations.seconds(100)};
    ServiceLog log = new ServiceLog(() -> now[0]);
    var observer = log.observer("c-vol-1@lvm", "c-vol-1");
    observer.sending();
    now[0] = Durations.seconds(165);
    observer.acknowledged();
    now[0] = Durations.seconds(180);
    log.declaredDown("c-vol-1@lvm", "sch-2");
    assertThat(UpDownConsistencyProperty.check(log.events(), DOWN_TIME).status()).isEqualTo(PropertyStatus.HOLDS);

    now[0] = Durations.seconds(190);
    observer.sending();
    now[0] = Durations.seconds(191);
    observer.acknowledged();
    now[0] = Durations.seconds(240);
    log.declaredDown("c-vol-1@lvm", "sch-2");
    var result = UpDownConsistencyProperty.check(log.events(), DOWN_TIME);
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.witness()).singleElement().asString().contains("50s after it sent");
  }

  @Test
  void aBeatLandingBetweenTheSchedulersReadAndItsDecision_isNotHeldAgainstIt() {
    long[] now = {0};
    ServiceLog log = new ServiceLog(() -> now[0]);
    log.heartbeat("c-vol-1@lvm", "c-vol-1");
    now[0] = Durations.seconds(120);
    log.heartbeat("c-vol-1@lvm", "c-vol-1");
    now[0] += Durations.millis(2);
    log.declaredDown("c-vol-1@lvm", "sch-1");
    assertThat(UpDownConsistencyProperty.check(log.events(), DOWN_TIME).status()).isEqualTo(PropertyStatus.HOLDS);
  }

  /** Hardened seed 168 with attachment rows: down 60.03 s after the last beat is on time, 59.5 s is not. */
  @Test
  void theThresholdIsMeasuredToTheDecision_notToTheEarliestRead() {
    long[] now = {Durations.seconds(120)};
    ServiceLog onTime = new ServiceLog(() -> now[0]);
    onTime.heartbeat("c-vol-2@lvm", "c-vol-2");
    now[0] = Durations.seconds(180) + Durations.millis(30);
    onTime.declaredDown("c-vol-2@lvm", "sch-1");
    assertThat(UpDownConsistencyProperty.check(onTime.events(), DOWN_TIME).status()).isEqualTo(PropertyStatus.HOLDS);

    now[0] = Durations.seconds(120);
    ServiceLog early = new ServiceLog(() -> now[0]);
    early.heartbeat("c-vol-2@lvm", "c-vol-2");
    now[0] = Durations.seconds(179) + Durations.millis(500);
    early.declaredDown("c-vol-2@lvm", "sch-1");
    assertThat(UpDownConsistencyProperty.check(early.events(), DOWN_TIME).status()).isEqualTo(PropertyStatus.VIOLATED);
  }

  @Test
  void noDownDecision_isNotExercised() {
    ServiceLog log = new ServiceLog(() -> 0);
    log.heartbeat("c-vol-1@lvm", "c-vol-1");
    assertThat(UpDownConsistencyProperty.check(log.events(), DOWN_TIME).status())
        .isEqualTo(PropertyStatus.NOT_EXERCISED);
  }
}
