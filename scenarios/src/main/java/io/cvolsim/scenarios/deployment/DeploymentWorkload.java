package io.cvolsim.scenarios.deployment;

import static io.cvolsim.scenarios.config.SettingsCatalog.REQUEST_TIMEOUT;
import static io.cvolsim.scenarios.config.SettingsCatalog.THINK_TIME_MAX;
import static io.cvolsim.scenarios.config.SettingsCatalog.VOLUMES;

import io.cvolsim.checker.history.HistoryRecorder;
import io.cvolsim.kernel.sim.Simulation;
import io.cvolsim.model.config.AttachApi;
import io.cvolsim.scenarios.config.Settings;
import io.cvolsim.scenarios.config.SettingsCatalog;
import io.cvolsim.scenarios.workload.NovaAttachments;
import io.cvolsim.scenarios.workload.VolumeClient;
import io.cvolsim.scenarios.workload.VolumeIds;
import java.util.ArrayList;
import java.util.List;

/** The clients of a deployment run: every volume operation, snapshots and clones included. */
final class DeploymentWorkload {
  private final Simulation simulation;
  private final Settings settings;
  private final DeploymentTopology topology;
  private final HistoryRecorder history;
  private final DeploymentPhases phases;

  DeploymentWorkload(Simulation simulation, Settings settings, DeploymentTopology topology,
      HistoryRecorder history, DeploymentPhases phases) {
    this.simulation = simulation;
    this.settings = settings;
    this.topology = topology;
    this.history = history;
    this.phases = phases;
  }

  void addClients() {
    VolumeIds volumes = new VolumeIds(settings.get(VOLUMES));
    int clientCount = topology.clients().size();
    NovaAttachments nova = settings.get(SettingsCatalog.ATTACH_API) == AttachApi.ATTACHMENTS ? new NovaAttachments() : null;
    for (int i = 0; i < clientCount; i++) {
      VolumeClient.ClientOptions options = new VolumeClient.ClientOptions(i, clientCount, topology.apiNodes(),
          volumes, settings.get(THINK_TIME_MAX), settings.get(REQUEST_TIMEOUT),
          phases.faultWindowEndNanos(), true, settings.get(SettingsCatalog.ADMIN_RESETS), nova);
      simulation.addNode(topology.clients().get(i), context -> new VolumeClient(context, options, history));
    }
  }
}
