package io.cvolsim.cli.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fast path end to end: all 103 of Porcupine's etcd logs (one empty) in one call, read from the
 * checker module's test resources (present in a source checkout).
 */
class CheckCommandPeerHistoriesTest {
  private static final Path ETCD_LOGS =
      Path.of("../checker/src/test/resources/peer-histories/porcupine/test_data/jepsen");

  @Test
  void allEtcdLogsInOneCall_79NotLinearizable_exitOne() throws IOException {
    assumeThat(Files.isDirectory(ETCD_LOGS)).as("checker test resources").isTrue();
    List<String> arguments = new ArrayList<>(List.of("--json", "--model", "cas-register"));
    try (Stream<Path> logs = Files.list(ETCD_LOGS)) {
      logs.filter(path -> path.toString().endsWith(".log")).sorted()
          .forEach(path -> arguments.add(path.toString()));
    }
    CheckCommandTest.Run run = CheckCommandTest.run(arguments.toArray(String[]::new));
    assertThat(run.exitCode()).isEqualTo(1);
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(103);
    assertThat(lines).filteredOn(line -> line.contains("\"verdict\":\"not-linearizable\""))
        .hasSize(79);
    // 23 expected linearizable, plus etcd_095.log, which is empty.
    assertThat(lines).filteredOn(line -> line.contains("\"verdict\":\"linearizable\""))
        .hasSize(24);
  }
}
