package io.cvolsim.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cvolsim.cli.CheckCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The check command run in-process: verdict lines, JSON lines and exit codes. */
class CheckCommandTest {
  static final String GOOD_EDN = """
      [{:process 0, :type :invoke, :f :write, :value 1}
       {:process 0, :type :ok, :f :write, :value 1}
       {:process 1, :type :invoke, :f :read, :value nil}
       {:process 1, :type :ok, :f :read, :value 1}]
      """;
  static final String BAD_EDN = """
      {:process 0, :type :invoke, :f :write, :value 1}
      {:process 0, :type :ok, :f :write, :value 1}
      {:process 1, :type :invoke, :f :read, :value nil}
      {:process 1, :type :ok, :f :read, :value 2}
      """;

  @TempDir Path directory;

  record Run(int exitCode, String out, String err) {}

  static Run run(String... arguments) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new CheckCommand());
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    int exitCode = command.execute(arguments);
    return new Run(exitCode, out.toString(), err.toString());
  }

  Path file(String name, String content) throws IOException {
    return Files.writeString(directory.resolve(name), content);
  }

  @Test
  void check_linearizableFile_exitsZeroWithOneLine() throws IOException {
    Path good = file("good.edn", GOOD_EDN);
    Run run = run("--model", "cas-register", good.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().toList()).singleElement().asString()
        .startsWith(good + "  linearizable  2 ops  ").endsWith(" ms");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void check_manyFiles_oneLinePerFileAndExitOneWhenAnyIsNotLinearizable() throws IOException {
    Path good = file("good.edn", GOOD_EDN);
    Path bad = file("bad.edn", BAD_EDN);
    Run run = run("--model", "register", good.toString(), bad.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).contains("not-linearizable  2 ops").contains("partition all");
  }

  @Test
  void check_json_printsOneObjectPerFileWithTheContractKeys() throws IOException {
    Path good = file("good.edn", GOOD_EDN);
    Path bad = file("bad.edn", BAD_EDN);
    Run run = run("--json", "--model", "cas-register", good.toString(), bad.toString());
    List<Map<String, Object>> objects = new ArrayList<>();
    for (String line : run.out().lines().toList()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> object = new ObjectMapper().readValue(line, Map.class);
      objects.add(object);
    }
    assertThat(objects).hasSize(2);
    assertThat(objects.get(0)).containsEntry("file", good.toString())
        .containsEntry("verdict", "linearizable").containsEntry("ops", 2).containsKey("millis");
    assertThat(objects.get(1)).containsEntry("verdict", "not-linearizable").containsKey("witness");
  }

  @Test
  void check_budgetSpent_exitsThreeAndSaysUnknown() throws IOException {
    StringBuilder history = new StringBuilder("[");
    for (int process = 0; process < 40; process++) {
      history.append("{:process ").append(process).append(" :type :invoke :f :write :value ")
          .append(process).append("}\n");
    }
    for (int process = 0; process < 40; process++) {
      history.append("{:process ").append(process).append(" :type :ok :f :write :value ")
          .append(process).append("}\n");
    }
    for (int process = 40; process < 80; process++) {
      history.append("{:process ").append(process).append(" :type :invoke :f :read :value nil}\n")
          .append("{:process ").append(process).append(" :type :ok :f :read :value 99}\n");
    }
    Path hard = file("hard.edn", history.append("]").toString());
    Run run = run("--model", "register", "--budget", "1ms", hard.toString());
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).contains("  unknown  80 ops");
  }

  @Test
  void check_explain_printsTheWitness() throws IOException {
    Path bad = file("bad.edn", BAD_EDN);
    Run run = run("--explain", "--model", "register", bad.toString());
    assertThat(run.out()).contains("operations involved:").contains("read nil -> 2");
  }

  @Test
  void help_saysManyFilesInOneCallIsTheFastPath() {
    Run run = run("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Checking many files in one call is the fast path");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "truncated EDN | [{:process 0, :type :invoke, :f :read, :value nil}\\n{:process 0, :ty"
          + " | cas-register | x.edn:2: ",
      "completion without invocation | {:process 3, :type :ok, :f :read, :value 1}"
          + " | cas-register | x.edn:1: a completion",
      "two open invocations | {:process 3, :type :invoke, :f :read}\\n{:process 3, :type :invoke,"
          + " :f :read} | cas-register | x.edn:2: process 3 invokes read while",
      "wrong value shape | {:process 3, :type :invoke, :f :cas, :value 5}\\n{:process 3, :type :ok,"
          + " :f :cas, :value 5} | cas-register | x.edn:1: cas needs a value [expected new]",
      "unknown model | {:process 3, :type :invoke, :f :read} | no-such-model"
          + " | x.edn:0: unknown model \"no-such-model\"",
      "bad JSON line | {\"process\": 1, \"type\": \"invoke\", \"f\": \"read\"\\n{\"process\": 1,"
          + " | cas-register | x.edn:1: JSON syntax error",
      "bad log line | INFO  jepsen.util - 3\t:invoke | cas-register"
          + " | x.edn:1: truncated or malformed event",
      "unknown type | {:process 3, :type :maybe, :f :read} | cas-register"
          + " | x.edn:1: op :type must be"
  })
  void check_badInput_printsOneLineNamingFileAndLineAndExitsTwo(String name, String content,
      String model, String expectedMessage) throws IOException {
    Path bad = file("x.edn", content.replace("\\n", "\n"));
    Run run = run("--model", model, bad.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err().lines().toList()).singleElement().asString()
        .startsWith("cvolsim check: " + directory.resolve(expectedMessage.strip()));
  }

  @Test
  void check_withoutModelOrFiles_isOneLineAndExitTwo() throws IOException {
    Path good = file("good.edn", GOOD_EDN);
    Run noModel = run(good.toString());
    assertThat(noModel.exitCode()).isEqualTo(2);
    assertThat(noModel.err().lines().toList()).singleElement().asString()
        .startsWith("cvolsim check: --model: missing; one of cas-register, cinder-volume");
    Run noFiles = run("--model", "mutex");
    assertThat(noFiles.exitCode()).isEqualTo(2);
    assertThat(noFiles.err()).isEqualTo("cvolsim check: no FILE given" + System.lineSeparator());
  }

  @Test
  void check_missingFile_isBadInput() {
    Path missing = directory.resolve("missing.edn");
    Run run = run("--model", "mutex", missing.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("cvolsim check: " + missing + ":0: cannot read: ");
    assertThat(run.err().lines()).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--format | yaml | --format: unknown format \"yaml\"",
      "--initial | {:x | --initial: not EDN",
      "--budget | soon | --budget: expected a positive amount",
      "--cache-mb | -5 | --cache-mb: expected a positive amount"
  })
  void check_badOptionValue_isOneLineAndExitTwo(String option, String value, String message)
      throws IOException {
    Path good = file("good.edn", GOOD_EDN);
    Run run = run("--model", "cas-register", option, value, good.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().toList()).singleElement().asString()
        .startsWith("cvolsim check: " + message);
  }

  @Test
  void check_formatOptionOverridesDetection() throws IOException {
    Path json = file("h.jsonl", """
        {"process": 0, "type": "invoke", "f": "write", "value": 3}
        {"process": 0, "type": "ok", "f": "write", "value": 3}
        """);
    assertThat(run("--model", "register", "--format", "jsonl", json.toString()).exitCode())
        .isZero();
    assertThat(run("--model", "register", "--format", "edn", json.toString()).exitCode())
        .isEqualTo(2);
  }

  @Test
  void check_noPartition_andCacheBudget_areHonoured() throws IOException {
    Path keyValue = file("kv.edn", """
        {:process 0, :type :invoke, :f :put, :key "a", :value "x"}
        {:process 0, :type :ok, :f :put, :key "a", :value "x"}
        {:process 1, :type :invoke, :f :get, :key "b", :value nil}
        {:process 1, :type :ok, :f :get, :key "b", :value ""}
        """);
    Run perKey = run("--json", "--model", "key-value", keyValue.toString());
    Run whole = run("--json", "--model", "key-value", "--no-partition", "--cache-mb", "1",
        keyValue.toString());
    assertThat(perKey.out()).contains("\"partitions\":2");
    assertThat(whole.out()).contains("\"partitions\":1");
    assertThat(whole.exitCode()).isZero();
  }

  @Test
  void check_initialValue_isEdn_andNilIsAValue() throws IOException {
    Path read = file("read.edn", """
        {:process 0, :type :invoke, :f :get, :key "a", :value nil}
        {:process 0, :type :ok, :f :get, :key "a", :value nil}
        """);
    assertThat(run("--model", "key-value", read.toString()).exitCode()).isEqualTo(1);
    assertThat(run("--model", "key-value", "--initial", "nil", read.toString()).exitCode())
        .isZero();
  }
}
