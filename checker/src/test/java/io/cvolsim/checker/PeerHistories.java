package io.cvolsim.checker;

import io.cvolsim.checker.model.InitialValue;
import io.cvolsim.checker.model.Model;
import io.cvolsim.checker.model.ModelRegistry;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;


/** The peer histories under test resources and their expected verdicts (expected.tsv). */
public final class PeerHistories {
  private PeerHistories() {}

  /** One row of expected.tsv. */
  public record Expectation(Path file, String relativePath, String modelName, String initial,
      boolean linearizable) {
    /** The model for this file, named as our registry names it. */
    public Model model() {
      String name = modelName.equals("kv") ? "key-value" : modelName;
      InitialValue initialValue = switch (initial) {
        case "-" -> InitialValue.none();
        case "nil" -> InitialValue.of(null);
        default -> InitialValue.of(Long.parseLong(initial));
      };
      return ModelRegistry.standard().create(name, initialValue);
    }

    @Override
    public String toString() {
      return relativePath;
    }
  }

  /** The root folder of the copied peer histories. */
  public static Path root() {
    try {
      return Path.of(PeerHistories.class.getResource("/peer-histories/expected.tsv").toURI())
          .getParent();
    } catch (URISyntaxException error) {
      throw new IllegalStateException(error);
    }
  }

  /** Every row of expected.tsv. */
  public static List<Expectation> expectations() throws IOException {
    List<Expectation> rows = new ArrayList<>();
    for (String line : Files.readAllLines(root().resolve("expected.tsv"))) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] columns = line.split("\t");
      rows.add(new Expectation(root().resolve(columns[0]), columns[0], columns[1], columns[2],
          columns[3].equals("linearizable")));
    }
    return rows;
  }
}
