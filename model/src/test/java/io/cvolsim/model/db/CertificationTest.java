package io.cvolsim.model.db;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.model.db.ServerScript.casStatus;
import static io.cvolsim.model.db.ServerScript.commitStatus;
import static io.cvolsim.model.db.ServerScript.lockVolume;
import static io.cvolsim.model.db.ServerScript.setStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Galera with several masters (V3): row locks hold only on their own master, and a commit whose
 * rows another master wrote after its snapshot, less the replication delay, fails certification
 * with a deadlock error. Clients "a" and "b" are heard first and second, so they sit on masters 0
 * and 1.
 */
class CertificationTest {
  private static ServerScript masters(int count) {
    return new ServerScript(DatabaseOptions.masters(count, millis(5)));
  }

  private static ServerScript racingTransactions(ServerScript script) {
    return script
        .at(0, "a", "a-lock", lockVolume(1, true))
        .at(2, "b", "b-lock", lockVolume(1, true))
        .at(20, "a", "a-commit", commitStatus(1, "extending"))
        .at(30, "b", "b-commit", commitStatus(1, "attaching"))
        .runFor(1_000);
  }

  @Test
  void twoMasters_bothLockTheRow_andTheLaterCommitFailsCertification() {
    ServerScript script = racingTransactions(masters(2));
    assertThat(script.answer("b-lock").atNanos()).as("no wait: the lock is a's on the other master").isEqualTo(millis(4));
    assertThat(script.answer("a-commit").count()).isEqualTo(1);
    assertThat(script.answer("b-commit").error()).contains(DbClient.DEADLOCK).contains("certification");
    assertThat(script.status()).isEqualTo("extending");
    assertThat(script.probe("db.certification-failed")).isEqualTo(1);
  }

  @Test
  void oneMaster_sameScript_serializesOnTheLock_withoutAConflict() {
    ServerScript script = racingTransactions(masters(1));
    assertThat(script.answer("b-lock").atNanos()).as("b waited for a's commit").isEqualTo(millis(22));
    assertThat(script.answer("a-commit").count()).isEqualTo(1);
    assertThat(script.answer("b-commit").count()).isEqualTo(1);
    assertThat(script.status()).isEqualTo("attaching");
    assertThat(script.probe("db.certification-failed")).isZero();
  }

  @Test
  void autocommitWrites_onTwoMasters_conflictOnlyWithinTheReplicationDelay() {
    ServerScript script = masters(2)
        .at(0, "a", "a-write", setStatus("extending"))
        .at(3, "b", "b-within", casStatus("extending", "available"))
        .at(50, "b", "b-after", casStatus("extending", "available"))
        .runFor(1_000);
    assertThat(script.answer("a-write").count()).isEqualTo(1);
    assertThat(script.answer("b-within").error()).contains(DbClient.DEADLOCK);
    assertThat(script.answer("b-after").count()).isEqualTo(1);
  }

  @Test
  void childInsertedOnAnotherMaster_failsTheParentsCommit() {
    DbStatement snapshot = new DbStatement.Insert(Database.SNAPSHOTS,
        Row.of(Row.values("id", "s1", "volume_id", "v1", "status", "creating", "deleted", false)));
    ServerScript script = masters(2)
        .at(0, "a", "a-lock", lockVolume(1, true))
        .at(2, "b", "b-snapshot", snapshot)
        .at(20, "a", "a-commit", new DbStatement.Commit(ServerScript.tx(1), List.of(setStatus("deleting"))))
        .runFor(1_000);
    assertThat(script.answer("b-snapshot").rows()).hasSize(1);
    assertThat(script.answer("a-commit").error()).contains(DbClient.DEADLOCK);
  }
}
