package io.cvolsim.model.workers;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.model.db.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clock skew against the up/down rule (reference §4.4, V17); service_down_time 60 s throughout. */
class ServiceLivenessTest {
  private static final long SERVICE_DOWN_TIME = seconds(60);
  private static final long TRUE_NOW = seconds(1000);

  private static ServiceLiveness liveness(IsUpClock clock) {
    // The database server's clock is true time.
    return new ServiceLiveness(clock, SERVICE_DOWN_TIME, () -> TRUE_NOW);
  }

  /** A heartbeat {@code ageNanos} ago (true time) from a node whose clock is off by {@code skewNanos}. */
  private static Long heartbeat(long ageNanos, long skewNanos) {
    return TRUE_NOW - ageNanos + skewNanos;
  }

  @Test
  void readerClock_writerBehindByMoreThanDownTimeMinusReportInterval_looksDownWhileAlive() {
    Long stamp = heartbeat(seconds(5), -seconds(56));
    assertThat(liveness(IsUpClock.READER).isFresh(stamp, TRUE_NOW)).isFalse();
    // abs() does not help here: the stamp is just as far in the past.
    assertThat(liveness(IsUpClock.SYMMETRIC).isFresh(stamp, TRUE_NOW)).isFalse();
    assertThat(liveness(IsUpClock.READER).isFresh(heartbeat(seconds(5), 0), TRUE_NOW)).isTrue();
  }

  @Test
  void readerClock_readerAheadMakesALiveNodeLookDown_theDatabaseClockDoesNot() {
    Long stamp = heartbeat(seconds(5), 0);
    long readerAhead = TRUE_NOW + seconds(70);
    assertThat(liveness(IsUpClock.READER).isFresh(stamp, readerAhead)).isFalse();
    assertThat(liveness(IsUpClock.SYMMETRIC).isFresh(stamp, readerAhead)).isFalse();
    assertThat(liveness(IsUpClock.DB_SERVER).isFresh(stamp, readerAhead)).isTrue();
  }

  @Test
  void writerAhead_keepsADeadNodeUpUnderBothRules_andSymmetricCallsALiveOneDown() {
    // Died 100 s ago with a clock 120 s fast: its last stamp lies 20 s in the reader's future.
    Long deadStamp = heartbeat(seconds(100), seconds(120));
    assertThat(liveness(IsUpClock.READER).isFresh(deadStamp, TRUE_NOW)).as("late cleanup, L2").isTrue();
    assertThat(liveness(IsUpClock.SYMMETRIC).isFresh(deadStamp, TRUE_NOW)).as("late cleanup, L2").isTrue();
    // Alive, heartbeat 1 s ago, clock 120 s fast: only the reader rule still calls it up.
    Long liveStamp = heartbeat(seconds(1), seconds(120));
    assertThat(liveness(IsUpClock.READER).isFresh(liveStamp, TRUE_NOW)).isTrue();
    assertThat(liveness(IsUpClock.SYMMETRIC).isFresh(liveStamp, TRUE_NOW)).isFalse();
  }

  @Test
  void missingHeartbeat_isDown() {
    assertThat(liveness(IsUpClock.READER).isFresh(null, TRUE_NOW)).isFalse();
  }

  @Test
  void cluster_isUpWhileAnyMemberIs() {
    ServiceLiveness liveness = liveness(IsUpClock.READER);
    List<Row> services = List.of(
        ServiceRows.volumeService(1, "h1@lvm", "c1@lvm", seconds(900)),
        ServiceRows.volumeService(2, "h2@lvm", "c1@lvm", seconds(990)),
        ServiceRows.volumeService(3, "h3@lvm", "c2@lvm", seconds(900)));
    assertThat(liveness.clusterIsUp("c1@lvm", ServiceColumns.VOLUME_BINARY, services, TRUE_NOW)).isTrue();
    assertThat(liveness.clusterIsUp("c2@lvm", ServiceColumns.VOLUME_BINARY, services, TRUE_NOW)).isFalse();
    assertThat(liveness.clusterIsUp("c1@lvm", ServiceColumns.SCHEDULER_BINARY, services, TRUE_NOW)).isFalse();
  }

  @Test
  void readerClockRule_neverReadsTheDatabaseClock() {
    assertThat(ServiceLiveness.readerClock(SERVICE_DOWN_TIME).isFresh(seconds(990), TRUE_NOW)).isTrue();
  }
}
