package io.cvolsim.scenarios.swarm;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;

import io.cvolsim.kernel.api.Choices;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Ratio;
import io.cvolsim.model.api.VolumeRequest;
import io.cvolsim.model.api.WorkersCleanupRequest;
import io.cvolsim.model.workers.CleanupRequest;
import io.cvolsim.model.workers.ResourceType;
import io.cvolsim.scenarios.deployment.DeploymentTopology;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the faults of one kind for a swarm run. Every draw is labelled, and its simplest value
 * is the mildest fault (shortest, earliest-healed, smallest skew), so shrinking a counterexample
 * also gentles its faults. A fault still running when the window closes is ended by the heal
 * phase, so a pause or partition outlasts service_down_time, a DLM lease or the broker's 60 s
 * heartbeat timeout only in a window longer than those ({@code run.duration=300s}).
 */
final class FaultDraws {
  private static final int GENERATIONS_MAX = 4;
  private final Choices choices;
  private final SwarmTargets targets;

  FaultDraws(Choices choices, SwarmTargets targets) {
    this.choices = choices;
    this.targets = targets;
  }

  SwarmFault draw(FaultKind kind) {
    // Shrinking may cut the window to a second or less; a fault then starts anywhere in it.
    long latestNanos = Math.max(0, targets.faultWindowEndNanos() - seconds(1));
    long at = choices.durationNanos("swarm.at " + kind.optionValue(), Math.min(seconds(1), latestNanos), latestNanos);
    return switch (kind) {
      case CRASH -> new SwarmFault.Crash(choices.oneOf("swarm.crash.target", targets.services()), at,
          choices.durationNanos("swarm.crash.down-for", seconds(1), longestOutageNanos()));
      case PAUSE -> new SwarmFault.Pause(volumeNode("swarm.pause.target"), at,
          // Cut, not drawn within the bound, so that a bound leaves every other draw as it was.
          Math.min(targets.pauseMaxNanos(), choices.durationNanos("swarm.pause.length", seconds(1), longestOutageNanos())));
      case CUT_FROM_DB -> cut(kind, targets.database(), at);
      case CUT_FROM_DLM -> cut(kind, targets.coordination().orElse(targets.database()), at);
      case CUT_FROM_BROKER -> cut(kind, targets.broker(), at);
      case CUT_FROM_STORAGE -> cut(kind, targets.storage(), at);
      case SPLIT -> split(at);
      case SPLIT_SERVICES -> splitServices(at);
      case LOSS_BURST, REDELIVERY -> new SwarmFault.LinkBurst(kind,
          Ratio.percent(choices.integer("swarm.burst.percent " + kind.optionValue(), 5, 50)), at, length("swarm.burst.length"));
      case CLOCK_SKEW -> new SwarmFault.ClockSkew(service("swarm.skew.target"), at, skewNanos());
      case CLOCK_DRIFT -> new SwarmFault.ClockDrift(service("swarm.drift.target"), at, driftPpm());
      case SLOW_STORAGE -> new SwarmFault.SlowStorage(volumeNode("swarm.slow.target"), at,
          length("swarm.slow.length"), choices.durationNanos("swarm.slow.latency", millis(100), seconds(20)));
      case FORCE_DELETE -> admin(kind, at, new VolumeRequest.Delete(volumeId(), true));
      case RESET_STATE -> admin(kind, at, new VolumeRequest.ResetState(volumeId(),
          choices.oneOf("swarm.reset.to", List.of("available", "error"))));
      case WORKERS_CLEANUP -> admin(kind, at, new WorkersCleanupRequest(cleanupFilters()));
      case DRAIN -> new SwarmFault.Drain(volumeNode("swarm.drain.target"), at,
          choices.durationNanos("swarm.drain.down-for", seconds(1), longestOutageNanos()));
      case DB_DEADLOCKS -> new SwarmFault.DeadlockBurst(
          Ratio.percent(choices.integer("swarm.deadlocks.percent", 5, 50)), at, length("swarm.deadlocks.length"));
      case REPLACE -> new SwarmFault.Replace(volumeNode("swarm.replace.target"), at,
          choices.durationNanos("swarm.replace.down-for", seconds(1), longestOutageNanos()));
    };
  }

  /** Up to twice service_down_time and then some: long enough to outlive detection and a DLM lease. */
  private long longestOutageNanos() {
    return 2 * targets.serviceDownTimeNanos() + seconds(30);
  }

  private long length(String label) {
    return choices.durationNanos(label, seconds(1), longestOutageNanos());
  }

  private NodeId volumeNode(String label) {
    return choices.oneOf(label, targets.volumeNodes());
  }

  /** Any Cinder service: a skewed scheduler misjudges others, a skewed c-vol is misjudged. */
  private NodeId service(String label) {
    return choices.oneOf(label, targets.services());
  }

  private SwarmFault cut(FaultKind kind, NodeId other, long at) {
    return new SwarmFault.Cut(kind, volumeNode("swarm.cut.target " + kind.optionValue()), other, at,
        length("swarm.cut.length"));
  }

  private SwarmFault split(long at) {
    List<NodeId> sideA = new ArrayList<>();
    List<NodeId> sideB = new ArrayList<>();
    for (NodeId node : targets.splittable()) {
      (choices.chance("swarm.split.side " + node, Ratio.percent(50)) ? sideB : sideA).add(node);
    }
    return new SwarmFault.Split(FaultKind.SPLIT, sideA, sideB, at, length("swarm.split.length"));
  }

  /** Each service on a drawn side, the infrastructure together on one drawn side. */
  private SwarmFault splitServices(long at) {
    List<NodeId> sideA = new ArrayList<>();
    List<NodeId> sideB = new ArrayList<>();
    for (NodeId node : targets.services()) {
      (choices.chance("swarm.split-services.side " + node, Ratio.percent(50)) ? sideB : sideA).add(node);
    }
    (choices.chance("swarm.split-services.infrastructure-side", Ratio.percent(50)) ? sideB : sideA)
        .addAll(targets.infrastructure());
    return new SwarmFault.Split(FaultKind.SPLIT_SERVICES, sideA, sideB, at, length("swarm.split.length"));
  }

  /** Up to two minutes either way: beyond service_down_time − report_interval (reference §10.19). */
  private long skewNanos() {
    long magnitude = choices.durationNanos("swarm.skew.magnitude", seconds(1), seconds(120));
    return choices.chance("swarm.skew.behind", Ratio.percent(50)) ? -magnitude : magnitude;
  }

  /** Up to 20% fast or slow: a minute of window then moves a clock by up to 12 s. */
  private long driftPpm() {
    long magnitude = choices.draw("swarm.drift.magnitude", 100, 200_000);
    return choices.chance("swarm.drift.slow", Ratio.percent(50)) ? -magnitude : magnitude;
  }

  private String volumeId() {
    int slot = choices.integer("swarm.admin.volume", 1, targets.volumeSlots());
    int generation = choices.integer("swarm.admin.generation", 0, GENERATIONS_MAX);
    return "vol-" + slot + (generation == 0 ? "" : "." + generation);
  }

  /**
   * The filters an operator might give, {@code is_up=true} included ("only if you know what you are
   * doing") unless the run forbids forced cleanups; the draw is made either way, so forbidding them
   * leaves every other draw as it was.
   */
  private CleanupRequest cleanupFilters() {
    boolean forced = choices.chance("swarm.cleanup.is-up", Ratio.percent(50));
    CleanupRequest request = CleanupRequest.allDown().withIsUp(forced && targets.forcedCleanups());
    return switch (choices.integer("swarm.cleanup.filter", 0, 3)) {
      case 0 -> request;
      case 1 -> request.withHost(volumeNode("swarm.cleanup.host").name());
      case 2 -> request.withClusterName(DeploymentTopology.CLUSTER + "@" + DeploymentTopology.BACKEND);
      default -> request.withResource(ResourceType.VOLUME, volumeId());
    };
  }

  private static SwarmFault admin(FaultKind kind, long at, io.cvolsim.kernel.api.Message request) {
    return new SwarmFault.AdminAction(kind, at, request, describe(request));
  }

  private static String describe(io.cvolsim.kernel.api.Message request) {
    if (request instanceof VolumeRequest.Delete delete) {
      return "force-delete " + delete.volumeId();
    }
    if (request instanceof VolumeRequest.ResetState reset) {
      return "reset-state " + reset.volumeId() + " to " + reset.status();
    }
    return "workers cleanup " + ((WorkersCleanupRequest) request).filters();
  }
}
