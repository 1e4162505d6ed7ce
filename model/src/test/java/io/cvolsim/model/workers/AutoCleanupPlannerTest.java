package io.cvolsim.model.workers;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.model.db.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoCleanupPlannerTest {
  private static final long DOWN_TIME = seconds(60);
  private static final ServiceLiveness LIVENESS = ServiceLiveness.readerClock(DOWN_TIME);

  /** Ticks every service_down_time from 60 s; service 1 stops heartbeating at 0 s, service 2 lives. */
  private static List<List<CleanupRequest>> run(AutoCleanupPlanner planner, int ticks) {
    List<List<CleanupRequest>> answers = new ArrayList<>();
    for (int tick = 1; tick <= ticks; tick++) {
      long now = tick * DOWN_TIME + seconds(1);
      List<Row> services = List.of(ServiceRows.volumeService(1, "h1@lvm", "c1@lvm", 0),
          ServiceRows.volumeService(2, "h2@lvm", "c1@lvm", now - seconds(5)));
      answers.add(planner.onTick(services, now));
    }
    return answers;
  }

  @Test
  void manual_neverCleans() {
    AutoCleanupPlanner planner = new AutoCleanupPlanner(CleanupTrigger.MANUAL, 1, LIVENESS, () -> true);
    assertThat(run(planner, 5)).allSatisfy(answer -> assertThat(answer).isEmpty());
  }

  @Test
  void auto_cleansAServiceOnceAfterItWasDownForTheChecks() {
    AutoCleanupPlanner planner = new AutoCleanupPlanner(CleanupTrigger.AUTO, 2, LIVENESS, () -> false);
    List<List<CleanupRequest>> answers = run(planner, 5);
    assertThat(answers.get(0)).isEmpty();
    assertThat(answers.get(1)).isEmpty();
    assertThat(answers.get(2)).singleElement().satisfies(request -> {
      assertThat(request.serviceId()).isEqualTo(1L);
      assertThat(request.isUp()).isFalse();
      assertThat(request.untilNanos()).isEqualTo(3 * DOWN_TIME + seconds(1));
    });
    assertThat(answers.get(3)).isEmpty();
    assertThat(answers.get(4)).isEmpty();
  }

  @Test
  void auto_forgetsAServiceThatCameBack() {
    AutoCleanupPlanner planner = new AutoCleanupPlanner(CleanupTrigger.AUTO, 1, LIVENESS, () -> true);
    long now = seconds(100);
    planner.onTick(List.of(ServiceRows.volumeService(1, "h1@lvm", null, 0)), now);
    planner.onTick(List.of(ServiceRows.volumeService(1, "h1@lvm", null, now)), now + DOWN_TIME);
    List<CleanupRequest> afterReturn = planner.onTick(
        List.of(ServiceRows.volumeService(1, "h1@lvm", null, now)), now + 3 * DOWN_TIME);
    assertThat(afterReturn).as("one sample down since it came back").isEmpty();
  }

  @Test
  void dlmLeader_onlyTheLeaderCleans_andANewLeaderStartsFromScratch() {
    boolean[] leader = {false};
    AutoCleanupPlanner planner = new AutoCleanupPlanner(CleanupTrigger.DLM_LEADER, 1, LIVENESS, () -> leader[0]);
    List<List<CleanupRequest>> asFollower = run(planner, 3);
    assertThat(asFollower).allSatisfy(answer -> assertThat(answer).isEmpty());

    leader[0] = true;
    List<List<CleanupRequest>> asLeader = run(planner, 2);
    assertThat(asLeader.get(0)).isEmpty();
    assertThat(asLeader.get(1)).extracting(CleanupRequest::serviceId).containsExactly(1L);
  }

  @Test
  void tickInterval_isTheServiceDownTime() {
    assertThat(new AutoCleanupPlanner(CleanupTrigger.AUTO, 2, LIVENESS, () -> true).tickIntervalNanos())
        .isEqualTo(DOWN_TIME);
  }
}
