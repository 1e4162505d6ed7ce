package io.cvolsim.cli;

import static io.cvolsim.cli.CliContractTest.execute;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.cli.CliContractTest.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cvolsim shrink}: the counterexample it writes replays the same violation and fingerprint. */
class ShrinkCommandTest {
  private static final String[] FAILING_SEED = {"--seed", "7", "--scenario", "api-races",
      "--set", "api.transition=read-check-write"};

  private static String valueOf(Result result, String prefix) {
    return result.out().stream().filter(line -> line.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in " + result.out()))
        .substring(prefix.length());
  }

  @Test
  void shrink_seed_writesACounterexampleThatReplaysTheSameViolationAndFingerprint(@TempDir Path directory) {
    Path out = directory.resolve("cx.cvolsim");
    Result shrink = execute(concat(shrinkFailingSeed(), "--out", out.toString(), "--budget-runs", "120"));
    assertThat(shrink.exitStatus()).isEqualTo(1);
    assertThat(shrink.err()).isEmpty();
    assertThat(shrink.out().get(0)).startsWith("cvolsim run: seed=7 scenario=api-races");
    String[] operations = valueOf(shrink, "operations: ").split("\\s+");
    assertThat(Long.parseLong(operations[2])).isLessThan(Long.parseLong(operations[0]));
    assertThat(shrink.out()).anyMatch(line -> line.startsWith("violated: linearizability: "));
    assertThat(shrink.out()).anyMatch(line -> line.matches("\\d+ draws, \\d+ at their lower bound; the rest by label:"));
    assertThat(shrink.out()).last().isEqualTo("replay: ./cvolsim replay " + out);

    Result replay = execute("replay", "--no-trace", out.toString());
    assertThat(replay.exitStatus()).isEqualTo(1);
    assertThat(replay.out()).last().isEqualTo("fingerprint: " + valueOf(shrink, "fingerprint: "));
    assertThat(replay.out()).anyMatch(line -> line.contains("linearizability") && line.contains("violated"));
    assertThat(replay.err()).singleElement().asString().contains("fingerprint matches");
  }

  @Test
  void shrink_property_keepsThatPropertyViolated(@TempDir Path directory) {
    Path out = directory.resolve("cx.cvolsim");
    Result shrink = execute(concat(shrinkFailingSeed(), "--property", "linearizability", "--out", out.toString(),
        "--budget-runs", "20"));
    assertThat(shrink.exitStatus()).isEqualTo(1);
    assertThat(shrink.out()).contains("kept while violated: linearizability");
    assertThat(execute("replay", "--no-trace", out.toString()).out())
        .anyMatch(line -> line.contains("linearizability") && line.contains("violated"));
  }

  @Test
  void shrink_file_keepSettings_shrinksOnlyTheDraws(@TempDir Path directory) {
    execute(concat(new String[] {"run", "--report", directory.toString()}, FAILING_SEED));
    Path out = directory.resolve("cx.cvolsim");
    Result shrink = execute("shrink", directory.resolve("run.cvolsim").toString(), "--keep-settings",
        "--out", out.toString(), "--budget-runs", "10");
    assertThat(shrink.exitStatus()).isEqualTo(1);
    assertThat(shrink.out()).noneMatch(line -> line.startsWith("setting "));
    assertThat(shrink.out()).anyMatch(line -> line.startsWith("shrink: ") && line.contains("in 10 runs")
        && line.contains("budget spent"));
    assertThat(execute("replay", "--no-trace", out.toString()).err()).singleElement().asString()
        .contains("fingerprint matches");
  }

  @Test
  void shrink_aRunThatHolds_orBadUsage_isOneLineAndStatus2(@TempDir Path directory) {
    assertOneLineError(execute("shrink", "--seed", "1", "--scenario", "api-races",
        "--out", directory.resolve("x").toString()), "nothing to shrink: no property is violated");
    assertOneLineError(execute("shrink"), "either a run FILE or --seed");
    assertOneLineError(execute("shrink", "/no/such/file"), "cannot read run file");
    assertOneLineError(execute(concat(shrinkFailingSeed(), "--budget-runs", "0")), "--budget-runs must be at least 1");
    assertOneLineError(execute(concat(shrinkFailingSeed(), "--property", "S5 status and storage agree", "--out",
        directory.resolve("x").toString())), "--property 'S5 status and storage agree' is not violated in this run");
    assertThat(directory.resolve("x")).doesNotExist();
  }

  /** The sweep's repro lines name a preset and no scenario; shrink reads them as run does. */
  @Test
  void shrink_seedWithAPreset_runsThePresetsDeployment(@TempDir Path directory) {
    Path out = directory.resolve("cx.cvolsim");
    Result shrink = execute("shrink", "--seed", "1", "--preset", "cinder-today", "--out", out.toString(),
        "--budget-runs", "2");
    assertThat(shrink.err()).isEmpty();
    assertThat(shrink.exitStatus()).isEqualTo(1);
    assertThat(shrink.out().get(0)).startsWith("cvolsim run: seed=1 scenario=all-faults")
        .contains("coordination.backend=file").contains("manager.completion=blind");
  }

  private static void assertOneLineError(Result result, String mention) {
    assertThat(result.exitStatus()).isEqualTo(2);
    assertThat(result.err()).singleElement().asString().contains(mention).doesNotContain("Exception");
  }

  private static String[] shrinkFailingSeed() {
    return concat(new String[] {"shrink"}, FAILING_SEED);
  }

  private static String[] concat(String[] first, String... rest) {
    String[] all = new String[first.length + rest.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(rest, 0, all, first.length, rest.length);
    return all;
  }
}
