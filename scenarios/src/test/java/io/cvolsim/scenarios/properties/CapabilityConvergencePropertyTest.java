package io.cvolsim.scenarios.properties;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import org.junit.jupiter.api.Test;

/** L6 from a hand-written log: a view never goes back, and every scheduler ends on the newest report. */
class CapabilityConvergencePropertyTest {
  private static final String BACKEND = "cluster1@lvm";
  private static final long END = seconds(300);
  private final long[] now = {0};
  private final ServiceLog log = new ServiceLog(() -> now[0]);

  private void sent(long at, String reporter) {
    now[0] = at;
    log.capabilitySent(BACKEND, reporter, at);
  }

  private void applied(long at, String scheduler, String reporter, long stamp, boolean accepted) {
    now[0] = at;
    log.capabilityApplied(scheduler, BACKEND, reporter, stamp, accepted);
  }

  private PropertyResult check() {
    return CapabilityConvergenceProperty.check(log.capabilityEvents(), log.events().stream()
        .filter(event -> event.kind() == ServiceLog.Kind.PROCESS_DIED).toList(), END);
  }

  @Test
  void reportsAppliedInOrderByEveryScheduler_hold() {
    sent(seconds(10), "c-vol-1");
    sent(seconds(11), "c-vol-2");
    applied(seconds(12), "sch-1", "c-vol-1", seconds(10), true);
    applied(seconds(12), "sch-1", "c-vol-2", seconds(11), true);
    applied(seconds(13), "sch-2", "c-vol-1", seconds(10), true);
    applied(seconds(13), "sch-2", "c-vol-2", seconds(11), true);
    assertThat(check().status()).isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void takingAnOlderReportOverANewerOne_isViolated_evenIfANewerOneFollows() {
    sent(seconds(10), "c-vol-1");
    sent(seconds(11), "c-vol-2");
    applied(seconds(12), "sch-1", "c-vol-2", seconds(11), true);
    applied(seconds(13), "sch-1", "c-vol-1", seconds(10), true);
    sent(seconds(70), "c-vol-1");
    applied(seconds(71), "sch-1", "c-vol-1", seconds(70), true);
    PropertyResult result = check();
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.witness()).singleElement().asString().contains("sch-1 went back on cluster1@lvm")
        .contains("took c-vol-1@10000000000");
  }

  @Test
  void aSchedulerThatEndsOnAnOlderReport_orThatDroppedTheNewest_isViolated() {
    sent(seconds(10), "c-vol-1");
    sent(seconds(20), "c-vol-2");
    applied(seconds(11), "sch-1", "c-vol-1", seconds(10), true);
    applied(seconds(21), "sch-1", "c-vol-2", seconds(20), false); // dropped: a skewed stamp held on
    applied(seconds(22), "sch-2", "c-vol-2", seconds(20), true);
    PropertyResult result = check();
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.witness()).singleElement().asString().startsWith("sch-1 ends holding c-vol-1@10000000000");
  }

  /**
   * Swarm seeds 386 and 1338: a report held on a cut link reached a scheduler that had crashed and
   * restarted meanwhile. The new process held nothing, so taking it was no step back.
   */
  @Test
  void aRestartedSchedulerTakingAnOlderReport_isNoStepBack() {
    sent(seconds(6), "c-vol-1");
    sent(seconds(7), "c-vol-2");
    applied(seconds(8), "sch-2", "c-vol-2", seconds(7), true);
    now[0] = seconds(20);
    log.processDied("sch-2");
    applied(seconds(60), "sch-2", "c-vol-1", seconds(6), true);
    sent(seconds(70), "c-vol-2");
    applied(seconds(71), "sch-2", "c-vol-2", seconds(70), true);
    assertThat(check().status()).isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void reportsSentInTheLastMoments_needNotHaveArrivedEverywhere() {
    sent(seconds(10), "c-vol-1");
    applied(seconds(11), "sch-1", "c-vol-1", seconds(10), true);
    applied(seconds(11), "sch-2", "c-vol-1", seconds(10), true);
    sent(END - seconds(1), "c-vol-2");
    applied(END, "sch-1", "c-vol-2", END - seconds(1), true);
    assertThat(check().status()).isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void noReportApplied_isNotExercised() {
    sent(seconds(10), "c-vol-1");
    assertThat(check().status()).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }
}
