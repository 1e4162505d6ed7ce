package io.cvolsim.scenarios.run;

import io.cvolsim.checker.history.History;
import io.cvolsim.kernel.choice.Draw;
import io.cvolsim.reports.RunReport;
import java.util.List;

/**
 * A finished run: its report, and what a replay file or a deeper look needs — the history, the
 * draws and, when kept, the trace lines.
 */
public record RunOutcome(RunSpec spec, RunReport report, History history, List<Draw> draws,
    List<String> traceLines) {
  public RunOutcome {
    draws = List.copyOf(draws);
    traceLines = List.copyOf(traceLines);
  }
}
