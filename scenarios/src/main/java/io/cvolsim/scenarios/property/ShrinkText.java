package io.cvolsim.scenarios.property;

import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text a person reads about a shrunk counterexample: what shrinking did, sizes before and
 * after, the violated properties with their witnesses, the draws that remain and how to replay.
 */
public final class ShrinkText {
  /** Non-trivial draws listed one a line; the rest are counted. */
  public static final int DRAWS_LISTED_MAX = 12;

  private ShrinkText() {}

  /** The lines; {@code replayCommand} is how to replay the saved counterexample. */
  public static List<String> lines(ShrunkRun run, String replayCommand) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "shrink: %d steps kept in %d runs%s", run.steps(), run.runs(),
        run.budgetSpent() ? " (budget spent; a larger budget may shrink further)" : " (fixed point)"));
    lines.add("kept while violated: " + run.target().describe());
    lines.add(String.format(Locale.ROOT, "operations: %d -> %d   draws: %d -> %d", run.operationsBefore(),
        run.operationsAfter(), run.drawsBefore(), run.drawsAfter()));
    run.settingChanges().forEach(change -> lines.add("setting " + change));
    for (PropertyResult property : run.shrunk().report().properties()) {
      if (property.status() == PropertyStatus.VIOLATED) {
        lines.add("violated: " + property.name() + ": " + property.summary());
        property.witness().forEach(line -> lines.add("    " + line));
      }
    }
    ReadableDraws.describe(run.shrunk().draws(), DRAWS_LISTED_MAX).forEach(lines::add);
    lines.add("fingerprint: " + run.shrunk().report().fingerprint());
    lines.add("replay: " + replayCommand);
    return lines;
  }
}
