package io.cvolsim.scenarios.planted;

import io.cvolsim.kernel.shrink.ShrinkBudget;
import io.cvolsim.reports.PropertyStatus;
import io.cvolsim.scenarios.property.ShrinkTarget;
import io.cvolsim.scenarios.property.Shrinking;
import io.cvolsim.scenarios.property.ShrunkRun;
import io.cvolsim.scenarios.run.RunOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures each planted bug for docs/PERFORMANCE.md: seeds to first detection from several
 * starting seeds, wall time to detection, and the shrunk counterexample's size before and after.
 * Tagged "benchmark", so it runs only when asked:
 * {@code mvn -pl scenarios -am verify -Dtest=PlantedBugMeasurementTest -Dsurefire.excludedGroups=none}.
 */
@Tag("benchmark")
class PlantedBugMeasurementTest {
  private static final long[] RANGE_STARTS = {1, 1_001, 2_001, 3_001, 4_001};
  private static final long SEEDS_PER_RANGE = 100;

  /**
   * One planted bug as measured: its settings, what counts as detecting it, and the property its
   * counterexample is shrunk for (null: a caveat or a goal, not shrunk).
   */
  private record Case(String name, PlantedBug bug, Predicate<RunOutcome> detected, String shrunkFor) {}

  @Test
  void measure() {
    List<Case> cases = List.of(
        violation("V1 read-check-write", PlantedBug.in("deployment-api-races", "api.transition=read-check-write"),
            "linearizability"),
        violation("unscheduled destroy", PlantedBug.in("deployment-api-races", "api.unscheduled_delete=destroy"),
            "linearizability"),
        violation("unscheduled destroy (S13)", PlantedBug.in("deployment-api-races", "api.unscheduled_delete=destroy",
            "quota.tracking=on", "quota.commit=separate"), "S13 quota conservation"),
        violation("separate quota commits (S13)", PlantedBug.in("swarm", PlantedBug.WITHIN_ASSUMPTIONS,
            "quota.tracking=on", "quota.commit=separate"), "S13 quota conservation"),
        violation("unreserve counting attaching rows (S14)", PlantedBug.in("deployment",
            "api.unreserve_attachments=not-detached"), "S14 attachment consistency"),
        violation("V12 file locks", PlantedBug.in("deployment-api-races", "coordination.backend=file"), "S10 lock safety"),
        violation("V12 file locks (S2)", PlantedBug.in("deployment-api-races", "coordination.backend=file",
            "storage.concurrent_mutations=allow"),
            "S2 source protection"),
        // V13 is about Tooz's holder; hardened's lease-aware one keeps S10 even with a 5 s lease.
        violation("V13 lease 5s", PlantedBug.in("swarm", "coordination.lease=5s", "coordination.holder=unaware",
                "swarm.faults=pause")
            .with(PlantedBug.HOT_WORKLOAD), "S10 lock safety"),
        violation("holder trusting a slow clock (S10)", PlantedBug.in("swarm", "coordination.holder_clock_error=0%",
            "coordination.lease=10s", "swarm.faults=clock-drift,pause").with(PlantedBug.HOT_WORKLOAD),
            "S10 lock safety"),
        violation("no volume lock (S1)", PlantedBug.in("swarm", "manager.volume_lock=none",
            "storage.concurrent_mutations=allow", "swarm.faults=force-delete").with(PlantedBug.HOT_WORKLOAD),
            "S1 storage exclusivity"),
        violation("V19 blind completion", PlantedBug.in("swarm", "manager.completion=blind", "swarm.faults=force-delete"),
            "S4 no lost status update"),
        violation("V7 claim none", PlantedBug.in("swarm", "cleanup.claim=none", "run.duration=300s",
            "swarm.faults=crash,workers-cleanup"), "S8 cleanup at most once per row version"),
        violation("V8 claim updated-at", PlantedBug.in("swarm", "cleanup.claim=updated-at", "run.duration=300s",
            "swarm.faults=crash,workers-cleanup"), "S8 cleanup at most once per row version"),
        new Case("V18 before-dispatch (caveat)", PlantedBug.in("deployment", "broker.ack=before-dispatch"),
            witnessContains("L1 eventual finality", "possibly a job lost after the ack"), null),
        new Case("V18 baseline after-completion (caveat)", PlantedBug.in("deployment"),
            witnessContains("L1 eventual finality", "possibly a job lost after the ack"), null),
        violation("V21 scheduler stamps", PlantedBug.in("deployment", "scheduler.capability_stamp=scheduler",
            "scheduler.capability_delay_max=5s"), "L6 capability convergence"),
        violation("V16 dies-on-error", PlantedBug.in("swarm", "heartbeat.mode=dies-on-error",
            "swarm.faults=cut-from-db"), "L5 heartbeat recovery"),
        violation("V15 retry-backoff", PlantedBug.in("swarm", "heartbeat.mode=retry-backoff",
            "swarm.faults=cut-from-db", "database.statement_timeout=10s", "net.tcp_hold=off"), "L5 heartbeat recovery"),
        violation("#1751057 count at finish (S13 capacity)", PlantedBug.in("deployment", "backend.capacity_gb=4",
            "workload.volumes=8", "workload.clients=8", "volume.capacity_count=at-finish", "volume.nodes=1", "nemesis=off",
            "periodic_interval=2s"), "S13 capacity conservation"),
        violation("per-member counter (S13 capacity)", PlantedBug.in("deployment", "backend.capacity_gb=4",
            "workload.volumes=8", "workload.clients=8", "volume.capacity_count=at-start"), "S13 capacity conservation"),
        new Case("V9 manual (cleanup ran)", PlantedBug.in("deployment", "cleanup.trigger=manual"),
            goal("sometimes: a cleanup ran"), null),
        new Case("V18 after-completion, no fencing (redelivered)", PlantedBug.in("swarm", "fencing=none",
            "swarm.faults=pause,cut-from-broker").with(PlantedBug.HOT_WORKLOAD), goal("sometimes: a job was redelivered"),
            null));
    System.out.println("case | first detection (seeds after range start) per range | median | wall ms to first | "
        + "shrink draws before->after, operations before->after, runs");
    // -Dplanted.only=TEXT measures only the cases whose name contains TEXT.
    String only = System.getProperty("planted.only", "");
    for (Case planted : cases) {
      if (planted.name().contains(only)) {
        System.out.println(measure(planted));
      }
    }
  }

  private static String measure(Case planted) {
    List<Long> offsets = new ArrayList<>();
    List<Long> wallMillis = new ArrayList<>();
    Optional<RunOutcome> firstFound = Optional.empty();
    for (long start : RANGE_STARTS) {
      long wallStart = System.nanoTime();
      Optional<RunOutcome> found = planted.bug().firstShowing(start, start + SEEDS_PER_RANGE - 1, planted.detected());
      wallMillis.add((System.nanoTime() - wallStart) / 1_000_000);
      offsets.add(found.map(outcome -> outcome.spec().seed() - start + 1).orElse(-1L));
      if (firstFound.isEmpty()) {
        firstFound = found;
      }
    }
    String shrink = planted.shrunkFor() != null && firstFound.isPresent()
        ? shrink(firstFound.get(), planted.shrunkFor()) : "-";
    return String.format(Locale.ROOT, "%s | %s | %s | %s | %s", planted.name(), offsets, median(offsets), wallMillis,
        shrink);
  }

  private static String shrink(RunOutcome failing, String property) {
    ShrunkRun shrunk = Shrinking.shrink(failing, ShrinkBudget.calls(300), Shrinking.Scope.SETTINGS_AND_DRAWS,
        ShrinkTarget.property(property));
    return "seed " + failing.spec().seed() + ": draws " + shrunk.drawsBefore() + "->" + shrunk.drawsAfter()
        + ", operations " + shrunk.operationsBefore() + "->" + shrunk.operationsAfter() + ", " + shrunk.runs() + " runs";
  }

  private static String median(List<Long> offsets) {
    List<Long> found = offsets.stream().filter(offset -> offset > 0).sorted().toList();
    if (found.size() < offsets.size()) {
      return found.size() + "/" + offsets.size() + " ranges found";
    }
    return Long.toString(found.get(found.size() / 2));
  }

  private static Case violation(String name, PlantedBug bug, String property) {
    return new Case(name, bug, outcome -> outcome.report().violatedProperties().contains(property), property);
  }

  private static Predicate<RunOutcome> probe(String name) {
    return outcome -> outcome.report().probes().getOrDefault(name, 0L) > 0;
  }

  private static Predicate<RunOutcome> goal(String name) {
    return outcome -> outcome.report().properties().stream()
        .anyMatch(result -> result.name().equals(name) && result.status() == PropertyStatus.HOLDS);
  }

  private static Predicate<RunOutcome> witnessContains(String property, String text) {
    return outcome -> outcome.report().properties().stream().filter(result -> result.name().equals(property))
        .anyMatch(result -> result.witness().stream().anyMatch(line -> line.contains(text)));
  }
}
