package io.cvolsim.checker.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cvolsim.checker.history.History;
import io.cvolsim.checker.history.HistoryFormatException;
import io.cvolsim.checker.history.Operation;
import io.cvolsim.checker.history.OperationType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading every format, and the one-line errors for every kind of malformed input. */
class HistoryReaderTest {
  private static History read(String content) throws HistoryFormatException {
    return HistoryReader.read("h", content, HistoryFormat.AUTO);
  }

  @Test
  void edn_vectorForm_readsOpsAndIgnoresNemesisAndUnknownKeys() throws HistoryFormatException {
    History history = read("""
        ; a comment
        [{:process 0, :type :invoke, :f :cas, :value [1 2], :time 5, :index 0, :extra "x"}
         {:type :info, :f :start, :process :nemesis, :time 6}
         {:process 0, :type :ok, :f :cas, :value [1 2], :time 7}]
        """);
    assertThat(history.operations()).containsExactly(
        new Operation(0, OperationType.INVOKE, "cas", List.of(1L, 2L), 5, 0),
        new Operation(0, OperationType.OK, "cas", List.of(1L, 2L), 7, 1));
    assertThat(history.lineOf(1)).isEqualTo(4);
  }

  @Test
  void edn_oneMapPerLine_keywordsBecomeStrings() throws HistoryFormatException {
    History history = read("""
        {:process 1, :type :invoke, :f :txn, :value [[:read :x nil]]}
        {:process 1, :type :ok, :f :txn, :value [[:read :x 0]]}
        """);
    assertThat(history.pairs()).singleElement().satisfies(pair ->
        assertThat(pair.output()).isEqualTo(List.of(java.util.Arrays.asList("read", "x", 0L))));
  }

  @Test
  void porcupineKv_isDetected_andTheKeyIsFoldedIntoTheValue() throws HistoryFormatException {
    History history = read("""
        {:process 0, :type :invoke, :f :get, :key "5", :value nil}
        {:process 0, :type :ok, :f :get, :key "5", :value ""}
        """);
    assertThat(history.pairs().get(0).output()).isEqualTo(List.of("5", ""));
    assertThat(FormatDetector.detect("{:process 0, :key \"1\"}"))
        .isEqualTo(HistoryFormat.PORCUPINE_KV);
  }

  @Test
  void jepsenLog_tabsOrSpaces_andNemesisLinesSkipped() throws HistoryFormatException {
    History history = read("INFO  jepsen.util - 3\t:invoke\t:cas\t[3 0]\n"
        + "INFO  jepsen.util - :nemesis\t:info\t:start\tnil\n"
        + "INFO  jepsen.util - 3  :fail   :cas    [3 0]\n");
    assertThat(history.pairs()).singleElement()
        .satisfies(pair -> assertThat(pair.outcome()).isEqualTo(OperationType.FAIL));
  }

  @Test
  void jsonLines_readsIntegersAsLongAndMapsAsStringKeyed() throws HistoryFormatException {
    History history = read("""
        {"process": 2, "type": "invoke", "f": "create", "value": {"volume": "v1"}, "time": 9}

        {"process": "nemesis", "type": "info", "f": "kill"}
        {"process": 2, "type": "ok", "f": "create", "value": null}
        """);
    assertThat(history.operations().get(0))
        .isEqualTo(new Operation(2, OperationType.INVOKE, "create", Map.of("volume", "v1"), 9, 0));
    assertThat(history.lineOf(1)).isEqualTo(4);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "truncated vector | [{:process 0, :type :invoke, :f :read}\\n | h:2: truncated",
      "truncated map | {:process 0, :type :invoke, :f :read}\\n{:process 0, | h:2: EDN syntax",
      "not a map | [1 2] | h:1: expected an op map",
      "no process | {:type :invoke, :f :read} | h:1: op without an integer :process",
      "bad type | {:process 1, :type :done, :f :read} | h:1: op :type must be",
      "no f | {:process 1, :type :invoke} | h:1: op without an :f",
      "completion without invocation | {:process 1, :type :ok, :f :read, :value 1}"
          + " | h:1: a completion (:ok read) of process 1 without an invocation",
      "two open invocations | {:process 1, :type :invoke, :f :read}\\n\\n"
          + "{:process 1, :type :invoke, :f :write} | h:3: process 1 invokes write while its"
          + " invocation on line 1 is still open",
      "mismatched completion | {:process 1, :type :invoke, :f :read}\\n"
          + "{:process 1, :type :ok, :f :write} | h:2: completion :write does not match",
      "content after vector | [{:process 1, :type :invoke, :f :read}] {} | h:1: unexpected content",
      "json syntax | {\"process\": 1,\\n | h:1: JSON syntax error",
      "log line cut | INFO  jepsen.util - 3\t:invoke | h:1: truncated or malformed event",
      "log value | INFO  jepsen.util - 3\t:invoke\t:read\t[1 | h:1: bad process or value",
      "log garbage | INFO  jepsen.util - 3\t:invoke\t:read\tnil\\nhello | h:2: not a Jepsen log line"
  })
  void malformedInput_isAOneLineErrorNamingSourceAndLine(String name, String content,
      String message) {
    assertThatThrownBy(() -> read(content.replace("\\n", "\n")))
        .isInstanceOf(HistoryFormatException.class)
        .hasMessageStartingWith(message.strip())
        .satisfies(error -> assertThat(error.getMessage()).doesNotContain("\n"));
  }

  @Test
  void edn_taggedOpRecords_asNewerJepsenWritesThem_areReadAsMaps() throws HistoryFormatException {
    History history = read("""
        #jepsen.history.Op{:index 0, :time 1, :type :invoke, :process 0, :f :read, :value nil}
        #jepsen.history.Op{:index 1, :time 2, :type :ok, :process 0, :f :read, :value 3}
        """);
    assertThat(history.pairs()).singleElement()
        .satisfies(pair -> assertThat(pair.output()).isEqualTo(3L));
  }

  @Test
  void openInvocationsAtTheEnd_countAsInfo() throws HistoryFormatException {
    History history = read("{:process 1, :type :invoke, :f :write, :value 3}");
    assertThat(history.pairs()).singleElement()
        .satisfies(pair -> assertThat(pair.outcome()).isEqualTo(OperationType.INFO));
  }

  @Test
  void emptyFile_isAnEmptyHistory() throws HistoryFormatException {
    assertThat(read("").operations()).isEmpty();
    assertThat(read("[]").operations()).isEmpty();
  }
}
