package io.cvolsim.scenarios.properties;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.model.workers.CleanupClaim;
import io.cvolsim.model.workers.WorkerEntry;
import io.cvolsim.model.workers.WorkerEvent;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** S8 and S9 on workers logs written by real cleaners. */
class CleanupPropertiesTest {

  /** Two services clean the dead service's one creating row at the same instant. */
  private static CleanupScript twoCleaners(CleanupClaim claim) {
    return new CleanupScript(claim).volumeWithRow("v1", "creating", seconds(1))
        .cleanAt(seconds(10), "c-vol-1", 11, null).cleanAt(seconds(10), "c-vol-2", 12, null).run();
  }

  @Test
  void s8_racePreventerClaim_oneCleanerPerRowVersion() {
    PropertyResult result = CleanupOnceProperty.check(twoCleaners(CleanupClaim.RACE_PREVENTER).log);
    assertThat(result.status()).isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void s8_noClaim_bothCleanersRunTheAction() {
    PropertyResult result = CleanupOnceProperty.check(twoCleaners(CleanupClaim.NONE).log);
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.witness()).singleElement().asString().contains("@0").contains("11").contains("12");
  }

  /** Hand-written: c-vol-1 runs two cleanups of row 1 at once (V8's same-second claims); a death ends one. */
  @Test
  void s8_twoActionsOfOneNodeOnOneRowAtOnce_areFound_unlessTheFirstDiedBefore() {
    WorkerEntry v1 = new WorkerEntry(1, "Volume", "v1", "deleting", 11L, 1, 0, false);
    WorkerEntry v1Again = new WorkerEntry(1, "Volume", "v1", "deleting", 11L, 2, 0, false);
    List<WorkerEvent> events = List.of(
        new WorkerEvent(seconds(1), WorkerEvent.Kind.ACTION_RUN, "c-vol-1", 11L, v1, null),
        new WorkerEvent(seconds(2), WorkerEvent.Kind.ACTION_RUN, "c-vol-1", 11L, v1Again, null),
        new WorkerEvent(seconds(30), WorkerEvent.Kind.DELETED, "c-vol-1", 11L, v1, null));
    assertThat(CleanupOnceProperty.overlappingActions(events, List.of())).singleElement().asString()
        .contains("row 1 cleaned by c-vol-1 from 1.000000000").contains("at once");

    io.cvolsim.model.service.ServiceLog deaths = new io.cvolsim.model.service.ServiceLog(() -> seconds(1) + 1);
    deaths.processDied("c-vol-1");
    assertThat(CleanupOnceProperty.overlappingActions(events, deaths.events())).isEmpty();
  }

  @Test
  void s8_noCleanup_isNotExercised() {
    CleanupScript script = new CleanupScript(CleanupClaim.RACE_PREVENTER).volumeWithRow("v1", "creating", 0).run();
    assertThat(CleanupOnceProperty.check(script.log).status()).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }

  @Test
  void s9_boundedCleanup_onlyTouchesOlderRows() {
    CleanupScript script = new CleanupScript(CleanupClaim.RACE_PREVENTER).volumeWithRow("v1", "creating", seconds(1))
        .volumeWithRow("v2", "creating", seconds(8)).cleanAt(seconds(10), "c-vol-1", 11, seconds(5)).run();
    PropertyResult result = NoCleanupOfNewerWorkProperty.check(script.log.events());
    assertThat(result.status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(result.summary()).startsWith("1 cleanup actions");
  }

  /** V7: the cleanup drops its bound and cleans the row touched at 8 s; S9 cannot pass it. */
  @Test
  void s9_unboundedCleanup_isUnknownNeverAPass() {
    CleanupScript script = new CleanupScript(CleanupClaim.NONE).volumeWithRow("v2", "creating", seconds(8))
        .cleanAt(seconds(10), "c-vol-1", 11, seconds(5)).run();
    assertThat(NoCleanupOfNewerWorkProperty.check(script.log.events()).status()).isEqualTo(PropertyStatus.UNKNOWN);
  }

  /** A cleanup action on a row newer than its bound: no cleaner today writes one, a variant might. */
  @Test
  void s9_actionOnARowNewerThanTheBound_isViolated() {
    WorkerEntry row = new WorkerEntry(1, "Volume", "v2", "creating", 10L, 0, seconds(8), false);
    WorkerEvent action = new WorkerEvent(seconds(10), WorkerEvent.Kind.ACTION_RUN, "c-vol-1", 11L, row, seconds(5));
    assertThat(NoCleanupOfNewerWorkProperty.check(List.of(action)).status()).isEqualTo(PropertyStatus.VIOLATED);
  }

  @Test
  void s9_noCleanup_isNotExercised() {
    assertThat(NoCleanupOfNewerWorkProperty.check(List.of()).status()).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }
}
