package io.cvolsim.scenarios.deployment;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.sim.Simulation;
import io.cvolsim.model.api.WorkersCleanupRequest;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.model.workers.CleanupRequest;
import io.cvolsim.model.workers.CleanupTrigger;
import io.cvolsim.scenarios.config.Settings;
import io.cvolsim.scenarios.config.VariantKeys;

/**
 * After the fault window: heal every partition, resume paused nodes, restart crashed ones
 * (except those the nemesis lost for good, whose cleanup is someone else's job), and — where
 * cleanup is manual, as in Cinder — have an admin ask for the cleanup of down services.
 */
final class HealPhase {
  private final Simulation simulation;
  private final Settings settings;
  private final DeploymentTopology topology;
  private final NodeControl control;
  private final DeploymentPhases phases;
  private final ServiceLog serviceLog;

  HealPhase(Simulation simulation, Settings settings, DeploymentTopology topology, NodeControl control,
      DeploymentPhases phases, ServiceLog serviceLog) {
    this.serviceLog = serviceLog;
    this.simulation = simulation;
    this.settings = settings;
    this.topology = topology;
    this.control = control;
    this.phases = phases;
  }

  void schedule() {
    simulation.scheduleAt(phases.healAtNanos(), "heal: partitions healed, paused nodes resumed", () -> {
      simulation.network().healAll();
      for (NodeId node : simulation.nodeIds()) {
        control.resumeIfPaused(node);
        simulation.setClockOffset(node, 0);
      }
      topology.schedulers().forEach(control::markReconnectedIfRunning);
      topology.volumeNodes().forEach(control::markReconnectedIfRunning);
      control.replacementsStarted().forEach(control::markReconnectedIfRunning);
    });
    if (settings.get(VariantKeys.CLEANUP_TRIGGER) == CleanupTrigger.MANUAL) {
      simulation.addNode(topology.admin(), context -> new AdminClient(context, topology.apiNodes(),
          phases.adminCleanupAtNanos(), new WorkersCleanupRequest(CleanupRequest.allDown()), serviceLog));
    }
    // Lost nodes come back last, after cleanup had its chance, as a replaced machine would.
    simulation.scheduleAt(phases.adminCleanupAtNanos() + settings.get(VariantKeys.SERVICE_DOWN_TIME),
        "heal: crashed nodes restarted", () -> {
          topology.services().forEach(control::restartIfCrashed);
          control.replacementsStarted().forEach(control::restartIfCrashed);
        });
  }
}
