package io.cvolsim.scenarios.run;

import io.cvolsim.kernel.choice.Draw;
import io.cvolsim.kernel.choice.DrawsText;
import io.cvolsim.scenarios.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A saved run, as text a person can read and {@code cvolsim replay FILE} can run: a format
 * version, scenario, seed, every setting, the fingerprint it produced and the properties it
 * violated, and — for a counterexample that is not a plain seed run — its draws, one a line.
 */
public final class RunFile {
  public static final String FORMAT_VERSION = "1";
  private static final String DRAWS_HEADER = "draws:";

  /** What a run file holds. */
  public record Contents(RunSpec spec, String fingerprint, List<String> violated) {}

  private RunFile() {}

  public static String render(RunOutcome outcome) {
    StringBuilder out = new StringBuilder();
    out.append("# cvolsim run file; replay with: ./cvolsim replay <this file>\n");
    out.append("format-version: ").append(FORMAT_VERSION).append('\n');
    out.append("scenario: ").append(outcome.spec().scenario()).append('\n');
    outcome.spec().preset().ifPresent(name -> out.append("preset: ").append(name).append('\n'));
    out.append("seed: ").append(outcome.spec().seed()).append('\n');
    outcome.spec().settings().asMap().forEach((key, value) ->
        out.append("set: ").append(key).append('=').append(value).append('\n'));
    out.append("fingerprint: ").append(outcome.report().fingerprint()).append('\n');
    out.append("violated: ").append(String.join(",", outcome.report().violatedProperties())).append('\n');
    if (outcome.spec().draws().isPresent()) {
      out.append(DRAWS_HEADER).append('\n');
      DrawsText.write(outcome.draws(), out);
    }
    return out.toString();
  }

  public static void write(RunOutcome outcome, Path file) throws IOException {
    Files.writeString(file, render(outcome), StandardCharsets.UTF_8);
  }

  /**
   * Reads a run file.
   *
   * @throws IllegalArgumentException naming the file, line and problem
   */
  public static Contents read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    try {
      return parse(lines);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  static Contents parse(List<String> lines) {
    String scenario = null;
    Optional<String> preset = Optional.empty();
    Long seed = null;
    String version = null;
    String fingerprint = "";
    List<String> violated = List.of();
    List<String> assignments = new ArrayList<>();
    Optional<List<Long>> draws = Optional.empty();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.equals(DRAWS_HEADER)) {
        draws = Optional.of(values(DrawsText.read(lines.subList(i + 1, lines.size()), i + 2)));
        break;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("line " + (i + 1) + ": expected 'key: value', got '" + line + "'");
      }
      String key = line.substring(0, colon);
      String value = line.substring(colon + 1).strip();
      switch (key) {
        case "format-version" -> version = value;
        case "scenario" -> scenario = value;
        case "preset" -> preset = Optional.of(value);
        case "seed" -> seed = parseSeed(value, i + 1);
        case "set" -> assignments.add(value);
        case "fingerprint" -> fingerprint = value;
        case "violated" -> violated = value.isEmpty() ? List.of() : List.of(value.split(","));
        default -> throw new IllegalArgumentException("line " + (i + 1) + ": unknown key '" + key + "'");
      }
    }
    return contents(version, scenario, preset, seed, assignments, draws, fingerprint, violated);
  }

  private static Contents contents(String version, String scenario, Optional<String> preset, Long seed,
      List<String> assignments,
      Optional<List<Long>> draws, String fingerprint, List<String> violated) {
    if (!FORMAT_VERSION.equals(version)) {
      throw new IllegalArgumentException("unsupported or missing format-version '" + version
          + "' (this cvolsim reads " + FORMAT_VERSION + ")");
    }
    if (scenario == null || seed == null) {
      throw new IllegalArgumentException("a run file needs 'scenario:' and 'seed:' lines");
    }
    ScenarioCatalog.require(scenario);
    preset.ifPresent(io.cvolsim.scenarios.config.Presets::require);
    Settings settings = Settings.defaults().withAssignments(assignments);
    return new Contents(new RunSpec(scenario, preset, seed, settings, draws), fingerprint, violated);
  }

  private static long parseSeed(String value, int lineNumber) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("line " + lineNumber + ": seed is not a number: '" + value + "'");
    }
  }

  private static List<Long> values(List<Draw> draws) {
    return draws.stream().map(Draw::value).toList();
  }
}
