package io.cvolsim.scenarios.properties;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.checker.history.History;
import io.cvolsim.checker.history.Operation;
import io.cvolsim.checker.history.OperationType;
import io.cvolsim.model.workers.CleanupClaim;
import io.cvolsim.model.workers.WorkerEvent;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * S4 on histories as the workload records them: clients below process 1,000,000, each volume
 * service write a {@code complete} of its own process above it.
 */
class LostStatusUpdatePropertyTest {
  private static final long WRITER = 1_000_000;
  private final List<Operation> events = new ArrayList<>();

  /** One operation of {@code process} from {@code fromNanos} to {@code toNanos}. */
  private LostStatusUpdatePropertyTest op(long process, String f, Map<String, Object> value, OperationType outcome,
      long fromNanos, long toNanos) {
    events.add(new Operation(process, OperationType.INVOKE, f, value, fromNanos, 0));
    events.add(new Operation(process, outcome, f, value, toNanos, 0));
    return this;
  }

  /** A volume created, scheduled (a host write), and force-deleted at 1 s. */
  private LostStatusUpdatePropertyTest createdThenForceDeleted() {
    return op(0, "create", Map.of("volume", "v1"), OperationType.OK, 0, millis(100))
        .op(WRITER, "complete", Map.of("volume", "v1", "host", "h@b#p"), OperationType.OK, millis(500), millis(600))
        .op(1, "force-delete", Map.of("volume", "v1"), OperationType.OK, seconds(1), millis(1100));
  }

  private LostStatusUpdatePropertyTest completion(String status, OperationType outcome, long atNanos) {
    return op(WRITER + 1, "complete", Map.of("volume", "v1", "status", status), outcome, atNanos, atNanos + millis(50));
  }

  private PropertyResult check(List<WorkerEvent> workerEvents) {
    History history = TestArtifacts.history(events.toArray(Operation[]::new));
    return LostStatusUpdateProperty.check(history.pairs(), workerEvents);
  }

  @Test
  void createCompletionAfterAForceDelete_resurrectsTheVolume() {
    PropertyResult result = createdThenForceDeleted().completion("available", OperationType.OK, seconds(2)).check(List.of());
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.witness()).singleElement().asString().startsWith("force-delete").contains("wrote available");
  }

  @Test
  void theForceDeletesOwnDeleteCompletion_holds() {
    PropertyResult result = createdThenForceDeleted().completion("deleted", OperationType.OK, seconds(2)).check(List.of());
    assertThat(result.status()).isEqualTo(PropertyStatus.HOLDS);
  }

  /** V19's fix: the completion is a CAS expecting creating, so it fails and changes nothing. */
  @Test
  void refusedCasCompletion_holds() {
    PropertyResult result = createdThenForceDeleted().completion("available", OperationType.FAIL, seconds(2)).check(List.of());
    assertThat(result.status()).isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void completionSentBeforeTheForceDeleteTookEffect_isNotJudged() {
    PropertyResult result = createdThenForceDeleted().completion("available", OperationType.OK, millis(1050)).check(List.of());
    assertThat(result.status()).isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void completionOverwritingAResetState_isViolated() {
    op(0, "create", Map.of("volume", "v1"), OperationType.OK, 0, millis(100))
        .op(2, "complete", Map.of("volume", "v1", "status", "available"), OperationType.OK, seconds(1), millis(1100))
        .completion("error", OperationType.OK, seconds(2));
    assertThat(check(List.of()).witness()).singleElement().asString().startsWith("reset-state");
  }

  @Test
  void aLaterExtendMayBeWhatTheCompletionFinishes_soItIsNotJudged() {
    createdThenForceDeleted()
        .op(2, "complete", Map.of("volume", "v1", "status", "available"), OperationType.OK, seconds(2), millis(2100))
        .op(3, "extend", Map.of("volume", "v1"), OperationType.OK, seconds(3), millis(3100))
        .completion("error_extending", OperationType.OK, seconds(4));
    assertThat(check(List.of()).status()).isEqualTo(PropertyStatus.HOLDS);
  }

  /** A real cleanup sets the creating v1 to error at 10 s; a create completion at 20 s writes available. */
  @Test
  void completionAfterACleanupsWrite_isViolated() {
    CleanupScript cleanup = new CleanupScript(CleanupClaim.RACE_PREVENTER).volumeWithRow("v1", "creating", seconds(1))
        .cleanAt(seconds(10), "c-vol-2", 12, null).run();
    op(0, "create", Map.of("volume", "v1"), OperationType.OK, 0, millis(100))
        .completion("available", OperationType.OK, seconds(20));
    PropertyResult result = check(cleanup.log.events());
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.witness()).singleElement().asString().startsWith("cleanup by c-vol-2 of creating");
  }

  @Test
  void noForceDeleteResetOrCleanup_isNotExercised() {
    op(0, "create", Map.of("volume", "v1"), OperationType.OK, 0, millis(100)).completion("available", OperationType.OK, seconds(1));
    assertThat(check(List.of()).status()).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }
}
