package io.cvolsim.scenarios.swarm;

import io.cvolsim.scenarios.config.Settings;
import io.cvolsim.scenarios.config.SettingsCatalog;
import io.cvolsim.scenarios.deployment.DeploymentNemesis;
import io.cvolsim.scenarios.run.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault kinds a run's settings let its nemeses inject: the swarm's {@code swarm.faults} and,
 * when it runs, the deployment nemesis's own kinds, less those {@code nemesis.assumed_absent}
 * rules out. A sweep reads its coverage against this menu, so a kind a preset leaves out by
 * assumption is told apart from one it allows but never drew.
 * The first slice's nemesis partitions API nodes and clients, none of these kinds.
 */
public final class FaultMenu {
  private FaultMenu() {}

  /** The kinds in declaration order. */
  public static List<FaultKind> of(Scenario.Kind kind, Settings settings) {
    if (kind != Scenario.Kind.DEPLOYMENT || !settings.get(SettingsCatalog.NEMESIS)) {
      return List.of();
    }
    List<FaultKind> swarm = swarmKinds(settings);
    List<FaultKind> assumedAbsent = settings.get(SettingsCatalog.ASSUMED_ABSENT);
    boolean deploymentRuns = settings.get(SettingsCatalog.DEPLOYMENT_FAULTS).runs(!swarm.isEmpty());
    List<FaultKind> menu = new ArrayList<>();
    for (FaultKind fault : FaultKind.values()) {
      if (swarm.contains(fault)
          || (deploymentRuns && DeploymentNemesis.KINDS.contains(fault) && !assumedAbsent.contains(fault))) {
        menu.add(fault);
      }
    }
    return List.copyOf(menu);
  }

  /** What the swarm draws from: {@code swarm.faults} less the kinds the run assumes absent. */
  public static List<FaultKind> swarmKinds(Settings settings) {
    List<FaultKind> assumedAbsent = settings.get(SettingsCatalog.ASSUMED_ABSENT);
    return settings.get(SettingsCatalog.SWARM_FAULTS).stream().filter(kind -> !assumedAbsent.contains(kind)).toList();
  }
}
