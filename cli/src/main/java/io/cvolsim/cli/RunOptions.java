package io.cvolsim.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by run, replay and sweep: scenario and settings. */
public final class RunOptions {
  @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "default",
      description = "named scenario (see 'cvolsim scenarios'); default: ${DEFAULT-VALUE}")
  String scenario;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "set a variant or parameter (see 'cvolsim variants'); repeatable")
  List<String> assignments = new ArrayList<>();
}
