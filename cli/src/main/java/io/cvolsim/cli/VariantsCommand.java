package io.cvolsim.cli;

import io.cvolsim.scenarios.config.SettingKey;
import io.cvolsim.scenarios.config.Preset;
import io.cvolsim.scenarios.config.Presets;
import io.cvolsim.scenarios.config.SettingsCatalog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cvolsim variants}: every --set key with its values, default and meaning. */
@Command(name = "variants", mixinStandardHelpOptions = true,
    description = "Lists every --set key with its values, default and meaning, then each preset: its choices, "
        + "why each, and the fault assumptions it is safe under.")
public final class VariantsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (SettingKey<?> key : SettingsCatalog.ALL) {
      out.println(key.name() + " = " + String.join(" | ", key.examples()) + "   (default " + key.defaultValue() + ")");
      out.println("    " + key.meaning());
    }
    for (Preset preset : Presets.ALL) {
      out.println();
      out.println("--preset " + preset.name() + ": " + preset.intent());
      for (Preset.Choice choice : preset.choices()) {
        out.println("    " + choice.assignment() + "   " + choice.why());
      }
      out.println("    fault assumptions: " + preset.assumptions());
    }
    out.flush();
    return 0;
  }
}
