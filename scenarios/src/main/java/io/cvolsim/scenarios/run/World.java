package io.cvolsim.scenarios.run;

import io.cvolsim.checker.history.HistoryRecorder;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.scenarios.properties.PropertySuite;
import io.cvolsim.scenarios.properties.RunArtifacts;
import java.util.List;
import java.util.SortedMap;

/** A simulated deployment a scenario runs: it builds its nodes, says when it ends, and leaves artifacts. */
public interface World {
  void build();

  /** True time at which the run ends. */
  long endNanos();

  HistoryRecorder history();

  /** What the properties read, once the run is over. */
  RunArtifacts artifacts();

  /** Every property this world can be judged on. */
  default List<PropertyResult> judge(RunArtifacts artifacts) {
    return PropertySuite.check(artifacts);
  }

  /** Sizes worth reporting (statements, messages, jobs ...). */
  SortedMap<String, Long> counts();
}
