package io.cvolsim.checker.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cvolsim.checker.history.History;
import io.cvolsim.checker.history.HistoryFormatException;
import io.cvolsim.checker.history.HistoryRecorder;
import io.cvolsim.checker.linear.Budget;
import io.cvolsim.checker.linear.CheckResult;
import io.cvolsim.checker.linear.LinearizabilityChecker;
import io.cvolsim.checker.linear.Verdict;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cinder-volume model: the API's CAS conditions (reference §2.2), one scenario each. */
class CinderVolumeModelTest {
  private final long[] clock = {0};
  private final HistoryRecorder recorder = new HistoryRecorder(() -> clock[0]++);
  private long nextProcess;

  private static Map<String, Object> value(String volume, String... fieldsAndValues) {
    Map<String, Object> map = new HashMap<>();
    map.put("volume", volume);
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      map.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return map;
  }

  private static final String HOST = "c-vol-1@lvm#pool";

  /** A call that completes ok before the next one starts. */
  private CinderVolumeModelTest ok(String f, Map<String, Object> argument) {
    recorder.invoke(nextProcess++, f, argument).ok(f.equals("create") ? argument : null);
    return this;
  }

  private CinderVolumeModelTest reads(String volume, String status, String attach,
      String migration, String type) {
    Map<String, Object> read = new HashMap<>();
    read.put("volume", volume);
    read.put("status", status);
    read.put("attach_status", attach);
    read.put("migration_status", migration);
    read.put("volume_type", type);
    recorder.invoke(nextProcess++, "read", value(volume)).ok(read);
    return this;
  }

  private CinderVolumeModelTest readsNotFound(String volume) {
    recorder.invoke(nextProcess++, "read", value(volume)).ok(value(volume, "status", null));
    return this;
  }

  private CheckResult check() throws HistoryFormatException {
    History history = recorder.build();
    return LinearizabilityChecker.check(history, CinderVolumeModel.create(), Budget.defaults());
  }

  private Verdict verdict() throws HistoryFormatException {
    return check().verdict();
  }

  private CinderVolumeModelTest available(String volume) {
    return ok("create", value(volume)).ok("complete", value(volume, "status", "available", "host", HOST));
  }

  @Test
  void create_startsCreatingDetachedWithTheDefaultType() throws HistoryFormatException {
    readsNotFound("v").ok("create", value("v")).reads("v", "creating", "detached", null, "default");
    assertThat(verdict()).isEqualTo(Verdict.LINEARIZABLE);
  }

  @Test
  void create_twice_isNotLinearizable() throws HistoryFormatException {
    ok("create", value("v")).ok("create", value("v"));
    assertThat(verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void delete_fromAvailable_goesDeleting_andErrorManagingHasItsOwnStatus()
      throws HistoryFormatException {
    available("a").ok("delete", value("a")).reads("a", "deleting", "detached", null, "default");
    ok("create", value("b")).ok("complete", value("b", "status", "error_managing", "host", HOST))
        .ok("delete", value("b")).reads("b", "error_managing_deleting", "detached", null,
            "default");
    assertThat(verdict()).isEqualTo(Verdict.LINEARIZABLE);
  }

  @Test
  void delete_ofACreatingVolume_needsForce() throws HistoryFormatException {
    ok("create", value("v")).ok("complete", value("v", "host", HOST)).ok("force-delete", value("v"));
    assertThat(verdict()).isEqualTo(Verdict.LINEARIZABLE);
    ok("create", value("w")).ok("complete", value("w", "host", HOST)).ok("delete", value("w"));
    assertThat(verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void delete_ofANeverScheduledVolume_destroysIt_andASecondDeleteIsNotLinearizable()
      throws HistoryFormatException {
    ok("create", value("v")).ok("delete", value("v")).readsNotFound("v");
    assertThat(verdict()).isEqualTo(Verdict.LINEARIZABLE);
    ok("delete", value("v"));
    assertThat(verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void delete_ofAnAttachedVolume_isRefusedEvenWithForce() throws HistoryFormatException {
    available("v").ok("complete", value("v", "status", "in-use", "attach_status", "attached"))
        .ok("force-delete", value("v"));
    assertThat(verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void delete_whileMigrating_isRefused() throws HistoryFormatException {
    available("v").ok("migrate", value("v"))
        .reads("v", "available", "detached", "starting", "default").ok("delete", value("v"));
    assertThat(verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void extendAndReserve_needAvailable() throws HistoryFormatException {
    available("v").ok("extend", value("v")).reads("v", "extending", "detached", null, "default");
    assertThat(verdict()).isEqualTo(Verdict.LINEARIZABLE);
    ok("reserve", value("v"));
    assertThat(verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void unreserve_returnsToInUseWhenAttachedElseAvailable() throws HistoryFormatException {
    available("v").ok("reserve", value("v")).ok("unreserve", value("v"))
        .reads("v", "available", "detached", null, "default");
    available("w").ok("complete", value("w", "attach_status", "attached"))
        .ok("reserve", value("w")).ok("unreserve", value("w"))
        .reads("w", "in-use", "attached", null, "default");
    assertThat(verdict()).isEqualTo(Verdict.LINEARIZABLE);
  }

  /**
   * has_attachments counts attachment rows the history does not show, so a volume that is not
   * attached may leave an unreserve in-use; whatever tells the two apart next decides it.
   */
  @Test
  void unreserveOfAVolumeNotAttached_mayLeaveItInUse_andTheNextReadDecides() throws HistoryFormatException {
    available("v").ok("reserve", value("v")).ok("unreserve", value("v"))
        .reads("v", "in-use", "detached", null, "default").reads("v", "in-use", "detached", null, "default");
    assertThat(verdict()).isEqualTo(Verdict.LINEARIZABLE);
    reads("v", "available", "detached", null, "default");
    assertThat(verdict()).as("decided in-use by the first read").isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void unreserveOfAVolumeNotAttached_anOperationOnlyAvailableAllowsDecidesIt() throws HistoryFormatException {
    available("v").ok("reserve", value("v")).ok("unreserve", value("v")).ok("extend", value("v"))
        .reads("v", "extending", "detached", null, "default");
    assertThat(verdict()).isEqualTo(Verdict.LINEARIZABLE);
    available("w").ok("reserve", value("w")).ok("unreserve", value("w")).ok("migrate", value("w", "host", HOST))
        .reads("w", "in-use", "detached", "starting", "default");
    assertThat(verdict()).as("migrate keeps either status; the read decides").isEqualTo(Verdict.LINEARIZABLE);
    ok("reserve", value("w"));
    assertThat(verdict()).as("in-use refuses a reserve").isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void detaching_needsInUseAttachedAndNotMigrating_andRollsBack() throws HistoryFormatException {
    available("v").ok("complete", value("v", "status", "in-use", "attach_status", "attached"))
        .ok("begin-detaching", value("v")).ok("roll-detaching", value("v"))
        .reads("v", "in-use", "attached", null, "default");
    assertThat(verdict()).isEqualTo(Verdict.LINEARIZABLE);
    ok("complete", value("v", "migration_status", "migrating")).ok("begin-detaching", value("v"));
    assertThat(verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void retype_toAnotherType_keepsTheTypeUntilCompletion() throws HistoryFormatException {
    available("v").ok("retype", value("v", "volume_type", "fast"))
        .reads("v", "retyping", "detached", null, "default")
        .ok("complete", value("v", "status", "available", "volume_type", "fast"))
        .reads("v", "available", "detached", null, "fast");
    assertThat(verdict()).isEqualTo(Verdict.LINEARIZABLE);
    ok("retype", value("v", "volume_type", "fast"));
    assertThat(verdict()).as("same type").isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void deleted_isFinal_andReadsAsNotFound() throws HistoryFormatException {
    available("v").ok("complete", value("v", "status", "deleted")).readsNotFound("v");
    assertThat(verdict()).isEqualTo(Verdict.LINEARIZABLE);
    // A late blind save lands on the soft-deleted row, but the volume stays gone to the API.
    ok("complete", value("v", "status", "available")).readsNotFound("v");
    assertThat(verdict()).isEqualTo(Verdict.LINEARIZABLE);
    reads("v", "available", "detached", null, "default");
    assertThat(verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void concurrentDeletes_bothSucceeding_isTheRaceTheCasPrevents() throws HistoryFormatException {
    available("v");
    HistoryRecorder.Handle first = recorder.invoke(90, "delete", value("v"));
    HistoryRecorder.Handle second = recorder.invoke(91, "delete", value("v"));
    first.ok(null);
    second.fail(null);
    assertThat(verdict()).isEqualTo(Verdict.LINEARIZABLE);
    HistoryRecorder.Handle third = recorder.invoke(92, "force-delete", value("v"));
    HistoryRecorder.Handle fourth = recorder.invoke(93, "extend", value("v"));
    third.ok(null);
    fourth.ok(null);
    assertThat(verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void volumesArePartitions_andTheWitnessNamesTheFailingVolume() throws HistoryFormatException {
    available("good").ok("extend", value("good"));
    available("bad").ok("extend", value("bad")).ok("extend", value("bad"));
    CheckResult result = check();
    assertThat(result.verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    assertThat(result.witness()).hasValueSatisfying(witness ->
        assertThat(witness.partition()).isEqualTo("bad"));
  }

  @Test
  void timedOutCall_mayOrMayNotHaveTakenEffect() throws HistoryFormatException {
    available("v");
    recorder.invoke(80, "extend", value("v")).info(null);
    reads("v", "available", "detached", null, "default")
        .reads("v", "extending", "detached", null, "default");
    assertThat(verdict()).isEqualTo(Verdict.LINEARIZABLE);
  }

  @Test
  void wrongShapes_areReportedWithTheirLine() {
    recorder.invoke(1, "extend", Map.of("id", "v")).ok(null);
    assertThatThrownBy(this::check).isInstanceOf(HistoryFormatException.class)
        .hasMessage("<history>:1: cinder-volume needs a value map with a \"volume\" id string,"
            + " got {id=v}");
  }

  @Test
  void wrongShapes_retypeWithoutType_unknownField_unknownFunction() {
    Model model = CinderVolumeModel.create();
    assertThat(problem(model, "retype", value("v"))).contains("retype needs a volume_type");
    assertThat(problem(model, "complete", value("v", "colour", "red")))
        .contains("unknown volume field \"colour\"");
    assertThat(problem(model, "resize", value("v"))).contains("unknown operation :resize");
    assertThat(problem(model, "complete", Map.of("volume", "v", "status", 3L)))
        .contains("must be a string or nil");
  }

  private static String problem(Model model, String f, Object value) {
    HistoryRecorder recorder = new HistoryRecorder(() -> 0);
    recorder.invoke(0, f, value).ok(null);
    return model.problemWith(recorder.build().pairs().get(0));
  }

  @Test
  void createOkValue_mustBeNilOrTheSameMap() {
    Model model = CinderVolumeModel.create();
    HistoryRecorder other = new HistoryRecorder(() -> 0);
    other.invoke(0, "create", value("v")).ok(Arrays.asList("v"));
    assertThat(model.problemWith(other.build().pairs().get(0)))
        .contains("create's ok value must be nil or its invocation's map");
  }
}
