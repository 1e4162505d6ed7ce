package io.cvolsim.scenarios.swarm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The kinds of fault the swarm nemesis can switch on for a run (reference §11's fault menu),
 * each named by the value {@code swarm.faults} takes and the probe {@code fault.<name>} a run
 * hits whenever it injects one.
 */
public enum FaultKind {
  CRASH("crash"),
  PAUSE("pause"),
  CUT_FROM_DB("cut-from-db"),
  CUT_FROM_DLM("cut-from-dlm"),
  CUT_FROM_BROKER("cut-from-broker"),
  CUT_FROM_STORAGE("cut-from-storage"),
  SPLIT("split"),
  LOSS_BURST("loss-burst"),
  REDELIVERY("redelivery"),
  CLOCK_SKEW("clock-skew"),
  CLOCK_DRIFT("clock-drift"),
  SLOW_STORAGE("slow-storage"),
  FORCE_DELETE("force-delete"),
  RESET_STATE("reset-state"),
  WORKERS_CLEANUP("workers-cleanup"),
  /** SIGTERM to a c-vol (an operator draining it): graceful shutdown, then a restart. */
  DRAIN("drain"),
  /**
   * A c-vol's machine is lost for good and a replacement joins the cluster under a new host name
   * (the reference's restart "on a new host"): the old services row stays down for cleanup.
   */
  REPLACE("replace"),
  /** A while of deadlock aborts on database writes (a busy multi-master Galera); Cinder retries some. */
  DB_DEADLOCKS("db-deadlocks"),
  /**
   * A split of the services only: the database, broker, DLM and array stay together on one side,
   * as the hardened preset's fault assumptions require. Last, so that adding it moved no other
   * kind's draws.
   */
  SPLIT_SERVICES("split-services");

  private final String optionValue;

  FaultKind(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }

  /** The coverage probe a run hits each time it injects a fault of this kind. */
  public String probe() {
    return "fault." + optionValue;
  }

  /**
   * Reads {@code swarm.faults}: {@code off} (the deployment's fixed nemesis), {@code all}, or a
   * comma-separated list of kinds; the result keeps the declaration order, so the draws a run makes
   * do not depend on how the list was written.
   *
   * @throws IllegalArgumentException naming an unknown kind
   */
  public static List<FaultKind> parseList(String raw) {
    if (raw.equals("off")) {
      return List.of();
    }
    if (raw.equals("all")) {
      return List.of(values());
    }
    List<String> names = Arrays.stream(raw.split(",")).map(String::trim).toList();
    for (String name : names) {
      if (Arrays.stream(values()).noneMatch(kind -> kind.optionValue.equals(name))) {
        throw new IllegalArgumentException("unknown fault kind '" + name + "'");
      }
    }
    List<FaultKind> kinds = new ArrayList<>();
    for (FaultKind kind : values()) {
      if (names.contains(kind.optionValue)) {
        kinds.add(kind);
      }
    }
    return List.copyOf(kinds);
  }

  /** Every option value, for {@code cvolsim variants}. */
  public static List<String> optionValues() {
    return Arrays.stream(values()).map(FaultKind::optionValue).toList();
  }
}
