package io.cvolsim.scenarios.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.dlm.LockEvent;
import io.cvolsim.model.dlm.LockEvent.Kind;
import io.cvolsim.model.dlm.LockLog;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import org.junit.jupiter.api.Test;

/** L4 from a hand-written lock log: a delete queued behind a clone must run after it and end deleted. */
class QueuedDeletesPropertyTest {
  private static final String LOCK = "A-delete_volume";
  private static final NodeId CLONER = NodeId.of("c-vol-1");
  private static final NodeId DELETER = NodeId.of("c-vol-2");
  private final long[] now = {0};
  private final LockLog log = new LockLog(() -> now[0]);
  private final TestArtifacts artifacts = new TestArtifacts();

  private void at(long time, Kind kind, NodeId node, long token, long operation) {
    now[0] = time;
    log.record(kind, LOCK, node, token, operation, "");
  }

  /** The clone takes A's lock at 1 and releases it at 20; the delete asks at 5. */
  private void deleteQueuedBehindClone() {
    deleteAsksWhileTheCloneHolds();
    at(20, Kind.RELEASE_REQUESTED, CLONER, 7, 1);
    at(21, Kind.RELEASED, CLONER, 7, 1);
  }

  /** The clone takes A's lock at 1; the delete asks for it at 5. */
  private void deleteAsksWhileTheCloneHolds() {
    log.notePurpose(1, "create_volume");
    log.notePurpose(2, "delete_volume");
    at(1, Kind.ACQUIRE_REQUESTED, CLONER, LockEvent.NO_TOKEN, 1);
    at(1, Kind.GRANTED, CLONER, 7, 1);
    at(5, Kind.ACQUIRE_REQUESTED, DELETER, LockEvent.NO_TOKEN, 2);
  }

  private PropertyResult check(String statusOfA) {
    artifacts.locks = log;
    artifacts.table(Database.VOLUMES, Row.of(Row.values("id", "A", "status", statusOfA, "deleted", "deleted".equals(statusOfA))));
    return QueuedDeletesProperty.check(artifacts.build());
  }

  @Test
  void aDeleteThatRanAfterTheCloneAndDeleted_holds() {
    deleteQueuedBehindClone();
    at(21, Kind.GRANTED, DELETER, 8, 2);
    PropertyResult result = check("deleted");
    assertThat(result.status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(result.summary()).startsWith("1 queued deletes");
  }

  @Test
  void aQueuedDeleteWhoseVolumeEndsAvailable_isViolated() {
    deleteQueuedBehindClone();
    at(21, Kind.GRANTED, DELETER, 8, 2);
    PropertyResult result = check("available");
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.witness()).singleElement().asString()
        .contains("volume A: delete on c-vol-2").contains("behind create_volume on c-vol-1").contains("ended in available");
  }

  @Test
  void aQueuedDeleteThatNeverGetsTheFreedLock_isViolated() {
    deleteQueuedBehindClone();
    PropertyResult result = check("deleting");
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.witness()).singleElement().asString().contains("never got the lock");
  }

  @Test
  void aHolderAheadThatNeverLetsGo_isACaveat() {
    deleteAsksWhileTheCloneHolds();
    PropertyResult result = check("deleting");
    assertThat(result.status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(result.witness()).singleElement().asString().startsWith("caveat").contains("never let go");
  }

  @Test
  void aDeleteGrantedAtOnce_orAnUnlabelledWait_isNotExercised() {
    deleteAsksWhileTheCloneHolds();
    at(6, Kind.GRANTED, DELETER, 8, 2); // a file lock on another node: no waiting
    at(7, Kind.ACQUIRE_REQUESTED, DELETER, LockEvent.NO_TOKEN, 3);
    assertThat(check("deleted").status()).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }
}
