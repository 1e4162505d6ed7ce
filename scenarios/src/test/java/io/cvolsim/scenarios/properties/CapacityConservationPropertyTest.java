package io.cvolsim.scenarios.properties;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.model.capacity.CapacityLog;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * S13's capacity half from a hand-written log on a 2 GB backend: what a placement must have
 * known is the creates started before its report and its own placements since; the rest is
 * staleness.
 */
class CapacityConservationPropertyTest {
  private static final String BACKEND = "cluster1@lvm";
  private static final long LIMIT_GB = 2;
  private final long[] now = {0};
  private final CapacityLog log = new CapacityLog(() -> now[0]);
  private final List<ServiceLog.Event> deaths = new ArrayList<>();

  private void at(long seconds) {
    now[0] = seconds(seconds);
  }

  private String report(long seconds, String reporter, long freeGb, String... takenBy) {
    at(seconds);
    log.counting(reporter);
    log.reportComposed(reporter, BACKEND, now[0], freeGb);
    String name = reporter + "@" + now[0];
    for (String scheduler : takenBy) {
      log.reportTaken(scheduler, BACKEND, name);
    }
    return name;
  }

  private void placed(long seconds, String scheduler, String volumeId, long viewFreeGb, String report) {
    at(seconds);
    log.placed(scheduler, BACKEND, volumeId, 1, viewFreeGb, report, LIMIT_GB);
  }

  private void started(long seconds, String node, String volumeId) {
    at(seconds);
    log.createStarted(node, BACKEND, volumeId, 1);
  }

  private PropertyResult check() {
    return CapacityConservationProperty.check(log, deaths);
  }

  @Test
  void noPlacementUnderALimit_isNotExercised() {
    assertThat(check().status()).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }

  @Test
  void aReportHoldingEveryStartedCreate_holds() {
    String first = report(1, "c-vol-1", 2, "sch-1");
    placed(2, "sch-1", "vol-1", 2, first);
    started(3, "c-vol-1", "vol-1");
    String second = report(4, "c-vol-1", 1, "sch-1");
    placed(5, "sch-1", "vol-2", 1, second);
    assertThat(check().status()).isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void anotherSchedulersPlacementAfterTheReport_isStalenessNotAViolation() {
    String first = report(1, "c-vol-1", 2, "sch-1", "sch-2");
    placed(2, "sch-1", "vol-1", 2, first);
    placed(3, "sch-1", "vol-2", 1, first);
    placed(4, "sch-2", "vol-3", 2, first);
    PropertyResult result = check();
    assertThat(result.status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(result.summary()).contains("1 over it by that staleness");
  }

  @Test
  void aReportMissingACreateThatHadStarted_isAViolation() {
    String first = report(1, "c-vol-1", 2, "sch-1");
    placed(2, "sch-1", "vol-1", 2, first);
    started(3, "c-vol-1", "vol-1");
    String stale = report(4, "c-vol-2", 2, "sch-1");
    placed(5, "sch-1", "vol-2", 2, stale);
    placed(6, "sch-1", "vol-3", 1, stale);
    PropertyResult result = check();
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(String.join("\n", result.witness())).contains("sch-1 placed vol-3").contains("vol-1 (started by c-vol-1");
  }

  @Test
  void aSchedulerForgettingItsOwnPlacement_isAViolation() {
    String first = report(1, "c-vol-1", 2, "sch-1");
    placed(2, "sch-1", "vol-1", 2, first);
    placed(3, "sch-1", "vol-2", 2, first);
    placed(4, "sch-1", "vol-3", 2, first);
    assertThat(check().status()).isEqualTo(PropertyStatus.VIOLATED);
  }

  @Test
  void aReleasedVolume_needNotBeKnown() {
    String first = report(1, "c-vol-1", 2, "sch-1");
    placed(2, "sch-1", "vol-1", 2, first);
    started(3, "c-vol-1", "vol-1");
    at(4);
    log.released("c-vol-1", "vol-1", "deleted");
    placed(5, "sch-1", "vol-2", 2, report(5, "c-vol-2", 2, "sch-1"));
    placed(6, "sch-1", "vol-3", 1, report(5, "c-vol-2", 2));
    assertThat(check().status()).isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void aCreateWhoseProcessDied_isNoLongerCountedByAnyone() {
    String first = report(1, "c-vol-1", 2, "sch-1");
    placed(2, "sch-1", "vol-1", 2, first);
    started(3, "c-vol-1", "vol-1");
    deaths.add(new ServiceLog.Event(seconds(4), ServiceLog.Kind.PROCESS_DIED, "", "c-vol-1"));
    String afterRestart = report(10, "c-vol-1", 2, "sch-1");
    placed(11, "sch-1", "vol-2", 2, afterRestart);
    placed(12, "sch-1", "vol-3", 1, afterRestart);
    assertThat(check().status()).isEqualTo(PropertyStatus.HOLDS);
  }
}
