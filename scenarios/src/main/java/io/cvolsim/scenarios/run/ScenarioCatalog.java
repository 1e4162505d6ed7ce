package io.cvolsim.scenarios.run;

import io.cvolsim.scenarios.run.Scenario.Kind;
import java.util.List;
import java.util.Optional;

/** The named scenarios {@code cvolsim scenarios} lists. */
public final class ScenarioCatalog {
  public static final String DEFAULT = "default";

  public static final String DEPLOYMENT = "deployment";

  /**
   * The scenario a preset runs when no scenario is named: presets configure the whole deployment,
   * and are judged against every fault their assumptions do not rule out.
   */
  public static final String ALL_FAULTS = "all-faults";

  /** The scenario to run: the one named, else all faults for a preset, else the default. */
  public static String resolve(String named, boolean presetGiven) {
    if (named != null) {
      return named;
    }
    return presetGiven ? ALL_FAULTS : DEFAULT;
  }

  /** The deployment under the swarm nemesis. */
  public static final String SWARM = "swarm";

  public static final List<Scenario> ALL = List.of(
      new Scenario(DEFAULT,
          "API nodes race on volume status in one database, with a named stand-in for scheduler and c-vol "
              + "completing their work, over a lossy network with partitions: the API's transitions (V1) in "
              + "isolation, fast; the API-visible volume state must stay linearizable",
          Kind.FIRST_SLICE, List.of()),
      new Scenario(DEPLOYMENT,
          "the whole A/A deployment (2+ API nodes, 2 schedulers, a 3-node c-vol cluster on one backend, DB, "
              + "broker, DLM) under client load and c-vol crashes, pauses (each waiting for its target's next "
              + "claim) and partitions for 180 s, then healing and quiescence; every property is judged",
          // Links between services are TCP: faults here are partitions, crashes and pauses, not
          // single lost messages (net.loss stays available to ask for an unreliable transport).
          // A three-minute window: faults can outlast service_down_time and a DLM lease, and a
          // stalled node can be detected, cleaned up and fenced while still alive (a zombie).
          Kind.DEPLOYMENT, List.of("net.loss=0%", "run.duration=180s")),
      new Scenario(SWARM,
          "the whole deployment under the swarm nemesis: each seed switches on a random subset of the fault "
              + "menu (crashes, pauses, partitions from the DB, DLM, broker or array, split halves, loss and "
              + "redelivery bursts, clock skew and drift, slow storage, force-delete, reset-state and workers "
              + "cleanup with any filters, drains, machines replaced under a new host name, deadlock bursts); probes "
              + "fault.<kind> show which were on; then healing and quiescence",
          Kind.DEPLOYMENT, List.of("net.loss=0%", "swarm.faults=all")),
      new Scenario(ALL_FAULTS,
          "the whole deployment under both nemeses for 180 s: the deployment's crashes, stalls that catch a "
              + "c-vol at its next claim and cuts from the DB, broker or DLM, and the swarm's menu, of which each "
              + "seed switches on a random subset; a preset's fault assumptions (nemesis.assumed_absent, "
              + "nemesis.pause_max, ...) take out what it does not claim to survive; what a preset runs unless "
              + "--scenario says otherwise",
          Kind.DEPLOYMENT, List.of("net.loss=0%", "run.duration=180s", "swarm.faults=all",
              "nemesis.deployment_faults=always")),
      new Scenario("api-races",
          "many clients hammer two volumes through five API nodes (first slice, no faults), to expose races "
              + "between concurrent transitions (V1) quickly; never-scheduled volumes are deleted by CAS so that "
              + "Cinder's separate unscheduled-delete race (api.unscheduled_delete) does not mask V1",
          Kind.FIRST_SLICE, List.of("api.unscheduled_delete=cas","api.nodes=5", "workload.clients=8", "workload.volumes=2",
              "workload.think_time_max=500ms", "net.loss=0%", "nemesis=off")),
      new Scenario("deployment-api-races",
          "the whole deployment with many clients on two volumes through five API nodes and no faults: "
              + "API races against real schedulers and c-vols",
          Kind.DEPLOYMENT, List.of("api.nodes=5", "workload.clients=8", "workload.volumes=2",
              "workload.think_time_max=500ms", "net.loss=0%", "nemesis=off")));

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
