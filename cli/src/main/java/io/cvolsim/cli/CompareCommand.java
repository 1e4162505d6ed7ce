package io.cvolsim.cli;

import io.cvolsim.reports.PropertyStatus;
import io.cvolsim.reports.RunReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cvolsim compare}: the design-review matrix. The same seeds run once per value of a
 * variant key; each cell says in how many seeds a property was violated, with the first such
 * seed's repro line, so a review reads which value breaks what. Below them, totals of coverage
 * probes over all seeds, per value: deadlock retries always (what a database design costs, V3),
 * and any probe named with {@code --probe}.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Runs the same seeds for each value of a variant and prints variants x properties.",
        "Example: cvolsim compare --preset hardened --axis fencing=none,storage --seeds 1..100",
        "Exit status: 0 when every cell held, 1 when some cell violated a property, 2 bad input."})
public final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RunOptions runOptions;

  @Option(names = "--axis", required = true, paramLabel = "KEY=V1,V2,...",
      description = "the variant key and the values to compare (applied after --preset and --set)")
  String axis;

  @Option(names = "--seeds", required = true, paramLabel = "N|A..B", description = "seeds 1..N, or A..B")
  String seeds;

  @Option(names = "--jobs", paramLabel = "J", description = "parallel runs; default: the number of cores")
  Integer jobs;

  @Option(names = "--probe", paramLabel = "NAME",
      description = "also total this coverage probe over the seeds of each column (repeatable); "
          + "db.deadlock-retried is always totalled")
  List<String> probes = new ArrayList<>();

  /** Always totalled: how often wrap_db_retry ran a statement or transaction again after a deadlock. */
  static final String DEADLOCK_RETRIES = "db.deadlock-retried";

  /** One column: a value of the axis, what its seeds said, and its probe totals over them. */
  private record Column(String assignment, SortedMap<String, int[]> violationsAndFirstSeed, int seedCount,
      SortedMap<String, Long> probeTotals) {}

  @Override
  public Integer call() throws InterruptedException {
    int equals = axis.indexOf('=');
    if (equals <= 0 || equals == axis.length() - 1) {
      throw new IllegalArgumentException("--axis takes KEY=V1,V2,..., not '" + axis + "'");
    }
    String key = axis.substring(0, equals);
    List<String> values = List.of(axis.substring(equals + 1).split(","));
    SeedRange range = SeedRange.parse(seeds);
    for (String value : values) {
      withAxis(key + "=" + value).spec(range.first()); // every value is validated before anything runs
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("cvolsim compare: axis=" + key + " values=" + values + " seeds=" + range + " scenario="
        + runOptions.scenarioName() + (runOptions.preset == null ? "" : " preset=" + runOptions.preset));
    out.flush();
    List<Column> columns = new ArrayList<>();
    for (String value : values) {
      columns.add(run(key + "=" + value, range));
    }
    render(columns, out);
    boolean anyViolated = columns.stream().anyMatch(column -> column.violationsAndFirstSeed().entrySet().stream()
        .anyMatch(cell -> !cell.getKey().startsWith(SOMETIMES) && cell.getValue()[0] > 0));
    return anyViolated ? 1 : 0;
  }

  private RunOptions withAxis(String assignment) {
    RunOptions options = new RunOptions();
    options.scenario = runOptions.scenario;
    options.preset = runOptions.preset;
    options.assignments = new ArrayList<>(runOptions.assignments);
    options.assignments.add(assignment);
    return options;
  }

  private Column run(String assignment, SeedRange range) throws InterruptedException {
    RunOptions options = withAxis(assignment);
    SortedMap<String, int[]> cells = new TreeMap<>();
    SortedMap<String, Long> probeTotals = new TreeMap<>();
    List<Long> chosen = Shard.parse(null).select(range);
    SeedBatch.run(chosen, jobs != null ? jobs : Runtime.getRuntime().availableProcessors(), options::spec,
        report -> {
          record(report, cells);
          totalledProbes().forEach(probe -> probeTotals.merge(probe, report.probes().getOrDefault(probe, 0L), Long::sum));
        });
    return new Column(assignment, cells, chosen.size(), probeTotals);
  }

  private List<String> totalledProbes() {
    List<String> names = new ArrayList<>(List.of(DEADLOCK_RETRIES));
    probes.stream().filter(name -> !names.contains(name)).forEach(names::add);
    return names;
  }

  private static final String SOMETIMES = "sometimes";

  private static void record(RunReport report, SortedMap<String, int[]> cells) {
    report.properties().forEach(property -> {
      int[] cell = cells.computeIfAbsent(property.name(), name -> new int[] {0, -1});
      // For a reachability goal the count is of seeds that reached it; for the rest, of violations.
      boolean counted = SOMETIMES.equals(property.kind())
          ? property.status() == PropertyStatus.HOLDS : property.status() == PropertyStatus.VIOLATED;
      if (counted) {
        cell[0]++;
        if (cell[1] < 0) {
          cell[1] = (int) report.seed();
        }
      }
    });
  }

  private void render(List<Column> columns, PrintWriter out) {
    out.println(row("property (seeds violated; goals: seeds reached)",
        columns.stream().map(column -> (Object) column.assignment()).toList()));
    for (String property : columns.get(0).violationsAndFirstSeed().keySet()) {
      out.println(row(property, columns.stream().map(column -> (Object) cellText(column, property)).toList()));
    }
    renderProbeTotals(columns, out);
    out.println("repro of a cell: ./cvolsim replay --seed <first seed> [--scenario/--preset/--set as above] --set <column>");
    out.flush();
  }

  private static String cellText(Column column, String property) {
    int[] cell = column.violationsAndFirstSeed().getOrDefault(property, new int[] {0, -1});
    return cell[0] + "/" + column.seedCount() + (cell[1] >= 0 ? " (first: seed " + cell[1] + ")" : "");
  }

  private void renderProbeTotals(List<Column> columns, PrintWriter out) {
    out.println("probe (total over the seeds)");
    for (String probe : totalledProbes()) {
      out.println(row(probe, columns.stream().map(column -> (Object) column.probeTotals().getOrDefault(probe, 0L))
          .toList()));
    }
  }

  /** One line of the matrix: the row's name, then a cell per column. */
  private static String row(String name, List<Object> cells) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-45s", name));
    cells.forEach(cell -> line.append(String.format(Locale.ROOT, " | %-28s", cell)));
    return line.toString();
  }
}
