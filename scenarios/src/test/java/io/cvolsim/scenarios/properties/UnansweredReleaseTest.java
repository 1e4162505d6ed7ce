package io.cvolsim.scenarios.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.dlm.LockEvent;
import io.cvolsim.model.dlm.LockEvent.Kind;
import io.cvolsim.reports.PropertyStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seed 75 of the hardened deployment, reduced: c-vol-3 asks to release, the answer never comes
 * (it froze), and the server grants the lock to c-vol-1 later. The release evidently took effect,
 * so S10 holds; a holder that never asked to release before the next grant is still a violation.
 */
class UnansweredReleaseTest {
  private static final String LOCK = "v1-delete_volume";

  private static LockEvent event(long at, Kind kind, String holder, long token, long operation) {
    return new LockEvent(at, kind, LOCK, NodeId.of(holder), token, operation, "");
  }

  @Test
  void releaseRequestedBeforeTheNextGrant_endsTheEarlierGrant() {
    List<LockEvent> events = List.of(
        event(10, Kind.ACQUIRE_REQUESTED, "c-vol-3", LockEvent.NO_TOKEN, 1),
        event(11, Kind.GRANTED, "c-vol-3", 8, 1),
        event(20, Kind.RELEASE_REQUESTED, "c-vol-3", 8, 1),
        event(25, Kind.ACQUIRE_REQUESTED, "c-vol-1", LockEvent.NO_TOKEN, 2),
        event(30, Kind.GRANTED, "c-vol-1", 10, 2),
        event(40, Kind.RELEASE_REQUESTED, "c-vol-1", 10, 2),
        event(41, Kind.RELEASED, "c-vol-1", 10, 2));
    assertThat(LockSafetyProperty.check(events, Map.of()).status()).isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void noReleaseRequestedBeforeTheNextGrant_isStillAnOverlap() {
    List<LockEvent> events = List.of(
        event(10, Kind.ACQUIRE_REQUESTED, "c-vol-3", LockEvent.NO_TOKEN, 1),
        event(11, Kind.GRANTED, "c-vol-3", 8, 1),
        event(25, Kind.ACQUIRE_REQUESTED, "c-vol-1", LockEvent.NO_TOKEN, 2),
        event(30, Kind.GRANTED, "c-vol-1", 10, 2),
        event(35, Kind.RELEASE_REQUESTED, "c-vol-3", 8, 1),
        event(40, Kind.RELEASE_REQUESTED, "c-vol-1", 10, 2),
        event(41, Kind.RELEASED, "c-vol-1", 10, 2));
    assertThat(LockSafetyProperty.check(events, Map.of()).status()).isEqualTo(PropertyStatus.VIOLATED);
  }
}
