package io.cvolsim.cli;

import io.cvolsim.scenarios.run.Scenario;
import io.cvolsim.scenarios.run.ScenarioCatalog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cvolsim scenarios}: the named scenarios and their intent. */
@Command(name = "scenarios", mixinStandardHelpOptions = true, description = "Lists the named scenarios.")
public final class ScenariosCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (Scenario scenario : ScenarioCatalog.ALL) {
      out.println(scenario.name());
      out.println("    " + scenario.intent());
      if (!scenario.settingOverrides().isEmpty()) {
        out.println("    sets: " + String.join(" ", scenario.settingOverrides()));
      }
    }
    out.flush();
    return 0;
  }
}
