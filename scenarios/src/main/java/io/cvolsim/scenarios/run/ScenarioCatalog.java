package io.cvolsim.scenarios.run;

import java.util.List;
import java.util.Optional;

/** The named scenarios {@code cvolsim scenarios} lists. */
public final class ScenarioCatalog {
  public static final String DEFAULT = "default";

  public static final List<Scenario> ALL = List.of(
      new Scenario(DEFAULT,
          "API nodes race on volume status in one database, over a lossy network with occasional "
              + "partitions; the API-visible volume state must stay linearizable",
          List.of()),
      new Scenario("api-races",
          "many clients hammer two volumes through five API nodes on a clean network, to expose "
              + "races between concurrent transitions (V1) quickly",
          List.of("api.nodes=5", "workload.clients=8", "workload.volumes=2",
              "workload.think_time_max=500ms", "net.loss=0%", "nemesis.partitions=off")));

  private ScenarioCatalog() {}

  public static Optional<Scenario> find(String name) {
    return ALL.stream().filter(scenario -> scenario.name().equals(name)).findFirst();
  }

  /** The scenario by name, or an error listing the known names. */
  public static Scenario require(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + name
        + "' (known: " + String.join(", ", ALL.stream().map(Scenario::name).toList()) + ")"));
  }
}
