package io.cvolsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command-line contract of DESIGN.md, exercised in-process. */
class CliContractTest {
  record Result(int exitStatus, List<String> out, List<String> err) {}

  static Result execute(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Cvolsim.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int status = commandLine.execute(args);
    return new Result(status, out.toString().lines().toList(), err.toString().lines().toList());
  }

  @Test
  void run_firstLineNamesSeedAndParameters_lastLineIsTheFingerprint() {
    Result result = execute("run", "--seed", "42");
    assertThat(result.exitStatus()).isZero();
    assertThat(result.out().get(0)).startsWith("cvolsim run: seed=42 scenario=default ").contains(" api.nodes=3 ").contains(" api.transition=cas ");
    assertThat(result.out().get(result.out().size() - 1)).matches("fingerprint: [0-9a-f]{16}");
    assertThat(execute("run", "--seed", "42").out()).last().isEqualTo(result.out().get(result.out().size() - 1));
  }

  @Test
  void run_json_isOneObjectWithVerdicts() throws Exception {
    Result result = execute("run", "--seed", "3", "--json");
    assertThat(result.out()).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(result.out().get(0));
    assertThat(json.get("seed").asLong()).isEqualTo(3);
    assertThat(json.get("fingerprint").asText()).hasSize(16);
    assertThat(json.get("properties").get(0).get("verdict").asText()).isEqualTo("holds");
    assertThat(json.get("configuration").get("api.transition").asText()).isEqualTo("cas");
  }

  @Test
  void badInput_getsOneLineAndStatus2() {
    assertBadInput(execute("run", "--seed", "abc"), "--seed");
    assertBadInput(execute("run", "--set", "no.such=1"), "unknown --set key 'no.such'");
    assertBadInput(execute("run", "--set", "api.transition=maybe"), "bad value 'maybe'");
    assertBadInput(execute("run", "--scenario", "nope"), "unknown scenario 'nope'");
    assertBadInput(execute("replay", "/no/such/file"), "cannot read run file");
    assertBadInput(execute("replay"), "either a run FILE or --seed");
    assertBadInput(execute("sweep", "--seeds", "9..1"), "empty");
    assertBadInput(execute("sweep", "--seeds", "1..x"), "--seeds");
    assertBadInput(execute("frobnicate"), "frobnicate");
  }

  private static void assertBadInput(Result result, String mention) {
    assertThat(result.exitStatus()).isEqualTo(2);
    assertThat(result.err()).hasSize(1);
    assertThat(result.err().get(0)).contains(mention).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void malformedRunFile_isBadInputNamingTheLine(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("bad.cvolsim");
    Files.writeString(file, "format-version: 1\nscenario: default\nseed: twelve\n");
    Result result = execute("replay", file.toString());
    assertBadInput(result, "line 3: seed is not a number");
  }

  @Test
  void reportDirectory_holdsAReplayableRunFile(@TempDir Path directory) {
    Result run = execute("run", "--seed", "9", "--report", directory.toString());
    assertThat(directory.resolve("report.json")).exists();
    assertThat(directory.resolve("report.txt")).exists();
    Result replay = execute("replay", "--no-trace", directory.resolve("run.cvolsim").toString());
    assertThat(replay.out()).last().isEqualTo(run.out().get(run.out().size() - 1));
    assertThat(replay.err()).singleElement().asString().contains("fingerprint matches");
  }

  @Test
  void replay_printsTheTrace() {
    Result replay = execute("replay", "--seed", "4");
    assertThat(replay.out()).anyMatch(line -> line.matches("\\d+\\.\\d{9} api-\\d recv from client-\\d .*"));
  }

  @Test
  void sweep_readCheckWrite_listsFailingSeedsWithReproLines_andExits1(@TempDir Path directory) {
    Result sweep = execute("sweep", "--seeds", "1..40", "--scenario", "api-races", "--jobs", "2",
        "--set", "api.transition=read-check-write", "--shrink-runs", "60",
        "--counterexamples", directory.toString());
    assertThat(sweep.exitStatus()).isEqualTo(1);
    assertThat(sweep.out()).anyMatch(line -> line.startsWith("FAIL seed=")
        && line.contains("repro: ./cvolsim replay --seed ") && line.contains("--set api.transition=read-check-write"));
    String failing = sweep.out().stream().filter(line -> line.startsWith("FAIL")).findFirst().orElseThrow();
    String seed = failing.replaceAll("^FAIL seed=(\\d+) .*", "$1");
    String fingerprint = failing.replaceAll(".*fingerprint=([0-9a-f]{16}).*", "$1");
    Result replay = execute("replay", "--no-trace", "--seed", seed, "--scenario", "api-races",
        "--set", "api.transition=read-check-write");
    assertThat(replay.exitStatus()).isEqualTo(1);
    assertThat(replay.out()).last().isEqualTo("fingerprint: " + fingerprint);

    String counterexample = sweep.out().stream().filter(line -> line.startsWith("counterexample: linearizability"))
        .findFirst().orElseThrow().replaceAll(".*replay ", "");
    Result shrunk = execute("replay", "--no-trace", counterexample);
    assertThat(shrunk.exitStatus()).isEqualTo(1);
    assertThat(shrunk.err()).singleElement().asString().contains("fingerprint matches");
  }

  @Test
  void sweep_default_holds_andShardsPartitionTheSeeds() {
    Result sweep = execute("sweep", "--seeds", "1..20", "--shard", "2/3", "--shrink-runs", "0");
    assertThat(sweep.exitStatus()).isZero();
    assertThat(sweep.out()).anyMatch(line -> line.startsWith("sweep: 7 seeds, 0 violated"));
    assertThat(sweep.out()).anyMatch(line -> line.matches("  linearizability +7 / 0 / 0 / 0"));
    assertThat(sweep.out()).anyMatch(line -> line.startsWith("fault kinds injected: 0 of the 0 on the run's menu")
        && line.contains("off the menu: crash, pause"));
  }

  @Test
  void sweep_ofAPreset_saysWhichFaultKindsItInjected_againstItsMenu() {
    Result sweep = execute("sweep", "--preset", "hardened", "--seeds", "1..4", "--shrink-runs", "0");
    assertThat(sweep.exitStatus()).isZero();
    String coverage = sweep.out().stream().filter(line -> line.startsWith("fault kinds injected: "))
        .findFirst().orElseThrow();
    assertThat(coverage).contains("of the 16 on the run's menu").contains("crash ")
        .endsWith("; off the menu: split, loss-burst, reset-state");
  }

  @Test
  void compare_printsVariantsAgainstProperties_andExits1WhenACellViolates() {
    Result compare = execute("compare", "--scenario", "api-races", "--axis", "api.transition=cas,read-check-write",
        "--seeds", "1..12", "--jobs", "2");
    assertThat(compare.exitStatus()).isEqualTo(1);
    assertThat(compare.out()).anyMatch(line -> line.startsWith("property") && line.contains("api.transition=cas")
        && line.contains("api.transition=read-check-write"));
    assertThat(compare.out()).anyMatch(line -> line.matches("linearizability +\\| 0/12 +\\| [1-9]\\d*/12 \\(first: seed \\d+\\).*"));
    assertBadInput(execute("compare", "--axis", "fencing", "--seeds", "3"), "--axis takes KEY=V1,V2");
    assertBadInput(execute("compare", "--axis", "fencing=none,sometimes", "--seeds", "3"), "bad value 'sometimes'");
  }

  @Test
  void compare_totalsDeadlockRetriesAndNamedProbesPerColumn() {
    Result compare = execute("compare", "--scenario", "api-races", "--axis", "api.transition=cas,select-for-update",
        "--set", "database.masters=3", "--seeds", "1..6", "--probe", "db.row-lock-waited", "--jobs", "2");
    assertThat(compare.exitStatus()).isZero();
    assertThat(compare.out()).contains("probe (total over the seeds)")
        .anyMatch(line -> line.matches("db\\.deadlock-retried +\\| \\d+ +\\| \\d+ *"))
        .anyMatch(line -> line.matches("db\\.row-lock-waited +\\| 0 +\\| [1-9]\\d* *"));
  }

  @Test
  void variantsAndScenarios_listTheirEntries() {
    assertThat(execute("variants").out())
        .anyMatch(line -> line.startsWith("api.transition = cas | read-check-write | select-for-update"))
        .anyMatch(line -> line.startsWith("--preset hardened: "))
        .anyMatch(line -> line.contains("coordination.release_failure=let-expire"))
        .anyMatch(line -> line.startsWith("    fault assumptions: links are TCP"));
    assertThat(execute("scenarios").out()).contains("default", "api-races");
  }
}
