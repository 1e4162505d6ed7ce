package io.cvolsim.kernel.choice;

import java.util.ArrayList;
import java.util.List;

/**
 * The text form of a draw sequence: one draw a line, {@code value min max label}, separated by
 * tabs. Readable in a diff, and a replay only needs the first column.
 */
public final class DrawsText {
  private DrawsText() {}

  public static void write(List<Draw> draws, StringBuilder out) {
    for (Draw draw : draws) {
      out.append(draw.value()).append('\t').append(draw.min()).append('\t').append(draw.max())
          .append('\t').append(Draw.cleanLabel(draw.label())).append('\n');
    }
  }

  /** Parses lines written by {@link #write}; {@code firstLineNumber} is used in error messages. */
  public static List<Draw> read(List<String> lines, int firstLineNumber) {
    List<Draw> draws = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split("\t", 4);
      try {
        draws.add(new Draw(fields.length > 3 ? fields[3] : "",
            Long.parseLong(fields[1]), Long.parseLong(fields[2]), Long.parseLong(fields[0])));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "line " + (firstLineNumber + i) + ": not a draw (value, min, max, label): '" + line + "'");
      }
    }
    return draws;
  }
}
