package io.cvolsim.model.db;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;
import static io.cvolsim.model.db.ServerScript.casStatus;
import static io.cvolsim.model.db.ServerScript.commitStatus;
import static io.cvolsim.model.db.ServerScript.lockVolume;
import static io.cvolsim.model.db.ServerScript.tx;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Row locks of SELECT ... FOR UPDATE on one master (V3): a second locking read or a plain write
 * of the row waits at the server until the holder commits or rolls back, and a holder that goes
 * silent, or a wait that lasts too long, does not keep the row forever.
 */
class RowLockTest {
  private static ServerScript oneMaster() {
    return new ServerScript(DatabaseOptions.singleMaster());
  }

  @Test
  void lockingSelect_waitsForTheHolder_andReadsWhatItCommitted() {
    ServerScript script = oneMaster()
        .at(0, "a", "a-lock", lockVolume(1, true))
        .at(10, "b", "b-lock", lockVolume(1, true))
        .at(100, "a", "a-commit", commitStatus(1, "extending"))
        .runFor(1_000);
    assertThat(script.answer("a-lock").atNanos()).isEqualTo(millis(2));
    assertThat(script.answer("b-lock").atNanos()).isEqualTo(millis(102)).as("granted as a's commit released the row");
    assertThat(script.answer("b-lock").rows()).singleElement().matches(row -> "extending".equals(row.get("status")));
    assertThat(script.answer("a-commit").count()).isEqualTo(1);
    assertThat(script.probe("db.row-lock-waited")).isEqualTo(1);
  }

  @Test
  void plainUpdate_waitsBehindALock_thenRunsAgainstTheCommittedRow() {
    ServerScript script = oneMaster()
        .at(0, "a", "a-lock", lockVolume(1, true))
        .at(10, "b", "b-cas", casStatus("available", "attaching"))
        .at(100, "a", "a-commit", commitStatus(1, "extending"))
        .runFor(1_000);
    assertThat(script.answer("b-cas").atNanos()).isEqualTo(millis(102));
    assertThat(script.answer("b-cas").count()).as("the CAS saw the committed 'extending'").isZero();
    assertThat(script.status()).isEqualTo("extending");
  }

  @Test
  void rollback_releasesTheLock_andTheWaiterReadsTheUnchangedRow() {
    ServerScript script = oneMaster()
        .at(0, "a", "a-lock", lockVolume(1, true))
        .at(10, "b", "b-lock", lockVolume(1, true))
        .at(50, "a", "a-rollback", new DbStatement.Rollback(tx(1)))
        .runFor(1_000);
    assertThat(script.answer("b-lock").atNanos()).isEqualTo(millis(52));
    assertThat(script.answer("b-lock").rows()).singleElement().matches(row -> "available".equals(row.get("status")));
  }

  @Test
  void silentHolder_isRolledBackAfterTheIdleTimeout_andCannotCommitAfterwards() {
    ServerScript script = oneMaster()
        .at(0, "a", "a-lock", lockVolume(1, true))
        .at(10, "b", "b-lock", lockVolume(1, true))
        .at(40_000, "a", "a-late-commit", commitStatus(1, "extending"))
        .runFor(60_000);
    assertThat(script.answer("b-lock").atNanos()).isEqualTo(millis(1) + DatabaseOptions.IDLE_ROLLBACK_NANOS + millis(1));
    assertThat(script.probe("db.idle-rollback")).isEqualTo(1);
    assertThat(script.answer("a-late-commit").error()).contains(TransactionServer.TRANSACTION_GONE);
    assertThat(script.status()).isEqualTo("available");
  }

  @Test
  void lockWait_timesOut_asADeadlockThatWrapDbRetryRetries() {
    DatabaseOptions shortWait = new DatabaseOptions(1, 0, seconds(2), seconds(30));
    ServerScript script = new ServerScript(shortWait)
        .at(0, "a", "a-lock", lockVolume(1, true))
        .at(10, "b", "b-lock", lockVolume(1, true))
        .at(10, "c", "c-cas", casStatus("available", "attaching"))
        .runFor(5_000);
    assertThat(script.answer("b-lock").atNanos()).isEqualTo(millis(11) + seconds(2) + millis(1));
    assertThat(script.answer("b-lock").error()).contains(DbClient.DEADLOCK).contains("1205");
    assertThat(script.answer("c-cas").error()).contains(DbClient.DEADLOCK).contains("1205");
    assertThat(script.probe("db.lock-wait-timeout")).isEqualTo(2);
  }

  @Test
  void rollbackOvertakingTheFirstStatement_keepsTheTransactionFromOpening() {
    ServerScript script = oneMaster()
        .at(0, "a", "a-rollback", new DbStatement.Rollback(tx(1)))
        .at(5, "a", "a-lock", lockVolume(1, true))
        .at(10, "b", "b-cas", casStatus("available", "attaching"))
        .runFor(1_000);
    assertThat(script.answer("a-lock").error()).contains(TransactionServer.TRANSACTION_GONE);
    assertThat(script.answer("b-cas").atNanos()).as("no lock held it back").isEqualTo(millis(12));
  }

  @Test
  void laterStatement_ofATransactionTheServerForgot_failsInsteadOfOpeningIt() {
    ServerScript script = oneMaster()
        .at(0, "a", "a-snapshots", new DbStatement.LockingSelect(tx(1), false, Database.SNAPSHOTS, "volume_id", "v1"))
        .runFor(1_000);
    assertThat(script.answer("a-snapshots").error()).contains(TransactionServer.TRANSACTION_GONE);
  }
}
