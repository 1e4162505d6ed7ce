package io.cvolsim.scenarios.properties;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import org.junit.jupiter.api.Test;

/** S1, S2 and data integrity on the I/O logs of a real array driven by scripted c-vol nodes. */
class StoragePropertiesTest {
  private static final String A = "c-vol-a";
  private static final String B = "c-vol-b";

  private static PropertyResult s1(StorageScript script) {
    return StorageExclusivityProperty.check(script.log.entries());
  }

  private static PropertyResult s2(StorageScript script) {
    return SourceProtectionProperty.check(script.log.entries());
  }

  private static PropertyResult integrity(StorageScript script, Row... volumes) {
    return DataIntegrityProperty.check(new TestArtifacts().table(Database.VOLUMES, volumes)
        .withStorage(script.log).build());
  }

  private static Row volume(String id, String status) {
    return Row.of(Row.values("id", id, "status", status, "deleted", false));
  }

  @Test
  void s1_twoNodesDeletingOneVolumeAtOnce_isViolatedWithBothEntries() {
    StorageScript script = new StorageScript().node(A).node(B)
        .at(0, A, driver -> driver.createVolume("v1", 1))
        .at(seconds(1), A, driver -> driver.deleteVolume("v1"))
        .at(millis(1050), B, driver -> driver.deleteVolume("v1")).run();
    PropertyResult result = s1(script);
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.witness()).singleElement().asString()
        .contains("DELETE_VOLUME v1").contains(A).contains(B).contains("[1.0");
  }

  @Test
  void s1_twoNodesChangingOneVolumeOneAfterTheOther_holds() {
    StorageScript script = new StorageScript().node(A).node(B)
        .at(0, A, driver -> driver.createVolume("v1", 1))
        .at(seconds(1), B, driver -> driver.extendVolume("v1", 2)).run();
    assertThat(s1(script).status()).isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void s1_anInstanceWritingDuringAnExtend_isNoC_volConflict() {
    StorageScript script = new StorageScript().node(A).node(B).node("nova-1")
        .at(0, A, driver -> driver.createVolume("v1", 1))
        .at(millis(200), A, driver -> driver.initializeConnection("v1", "host-a"))
        .at(seconds(1), B, driver -> driver.extendVolume("v1", 2))
        .writeAt(millis(1050), "nova-1", "v1", "host-a", 0).run();
    assertThat(s1(script).status()).isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void s1_oneNodeOnly_isNotExercised() {
    StorageScript script = new StorageScript().node(A)
        .at(0, A, driver -> driver.createVolume("v1", 1))
        .at(millis(50), A, driver -> driver.deleteVolume("v1")).run();
    assertThat(s1(script).status()).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }

  /** a clones v2 from v1 over [1 s, 5 s]; b deletes v1 at {@code deleteAtNanos}. */
  private static StorageScript cloneThenDeleteSource(long deleteAtNanos) {
    return new StorageScript().node(A).node(B)
        .at(0, A, driver -> driver.createVolume("v1", 1))
        .at(seconds(1), A, driver -> driver.createCloneFrom("v2", "v1", 1))
        .at(deleteAtNanos, B, driver -> driver.deleteVolume("v1")).run();
  }

  @Test
  void s2_sourceDeletedDuringItsClone_isViolatedAndS1SeesItToo() {
    StorageScript script = cloneThenDeleteSource(millis(2500));
    assertThat(s2(script).status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(s2(script).witness()).singleElement().asString().contains("CLONE_VOLUME v2 from v1");
    assertThat(s1(script).status()).isEqualTo(PropertyStatus.VIOLATED);
  }

  @Test
  void s2_sourceDeletedAfterItsClone_holds() {
    assertThat(s2(cloneThenDeleteSource(seconds(6))).status()).isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void s2_noSourceEverDeleted_isNotExercised() {
    StorageScript script = new StorageScript().node(A)
        .at(0, A, driver -> driver.createVolume("v1", 1))
        .at(seconds(1), A, driver -> driver.createCloneFrom("v2", "v1", 1)).run();
    assertThat(s2(script).status()).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }

  /** b clones v1 into v2 over [1 s, 5 s]; an instance writes v1 at {@code writeAtNanos}. */
  private static StorageScript cloneWithSourceWrittenAt(long writeAtNanos) {
    return new StorageScript().node(A).node(B).node("nova-1")
        .at(0, A, driver -> driver.createVolume("v1", 1))
        .at(millis(200), A, driver -> driver.initializeConnection("v1", "host-a"))
        .at(seconds(1), B, driver -> driver.createCloneFrom("v2", "v1", 1))
        .writeAt(writeAtNanos, "nova-1", "v1", "host-a", 2).run();
  }

  @Test
  void integrity_sourceWrittenDuringTheCopy_isATornCompletedCopy() {
    PropertyResult result = integrity(cloneWithSourceWrittenAt(millis(2600)), volume("v2", "available"));
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.witness()).anyMatch(line -> line.startsWith("completed copy is torn"));
  }

  @Test
  void integrity_sourceWrittenAfterTheCopy_holds() {
    assertThat(integrity(cloneWithSourceWrittenAt(seconds(6)), volume("v2", "available")).status())
        .isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void integrity_volumeAvailableAfterItsCopyFailed_isViolated() {
    PropertyResult result = integrity(cloneThenDeleteSource(millis(2500)), volume("v2", "available"));
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.witness()).singleElement().asString().contains("v2 is usable").contains("FAILED");
    assertThat(integrity(cloneThenDeleteSource(millis(2500)), volume("v2", "error")).status())
        .as("the same failed copy behind an error volume is no integrity problem").isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void integrity_noCopy_isNotExercised() {
    StorageScript script = new StorageScript().node(A).at(0, A, driver -> driver.createVolume("v1", 1)).run();
    assertThat(integrity(script, volume("v1", "available")).status()).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }

  @Test
  void volumeServices_areTheNodesThatMadeDriverCalls() {
    StorageScript script = cloneWithSourceWrittenAt(millis(2600));
    assertThat(StorageExclusivityProperty.byVolumeServices(script.log.entries()))
        .noneMatch(entry -> entry.call().caller().equals(NodeId.of("nova-1")));
  }
}
