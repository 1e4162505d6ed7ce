package io.cvolsim.scenarios.swarm;

import io.cvolsim.kernel.api.Message;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Ratio;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * One fault the swarm nemesis drew for a run: a typed event with the true time it starts and a
 * readable label ("fault: partition c-vol-2 from db at 31.2s for 12.0s") for traces and
 * counterexamples.
 */
public sealed interface SwarmFault {
  FaultKind kind();

  long atNanos();

  String label();

  /**
   * This fault aimed at whichever process now stands in for each node it names: a c-vol lost for
   * good is replaced under a new name, and a fault drawn for it falls on its replacement.
   */
  default SwarmFault onto(UnaryOperator<NodeId> occupant) {
    return this;
  }

  /** A service process killed, restarted with the same host after {@code downForNanos}. */
  record Crash(NodeId node, long atNanos, long downForNanos) implements SwarmFault {
    @Override
    public FaultKind kind() {
      return FaultKind.CRASH;
    }

    @Override
    public SwarmFault onto(UnaryOperator<NodeId> occupant) {
      return new Crash(occupant.apply(node), atNanos, downForNanos);
    }

    @Override
    public String label() {
      return "fault: crash " + node + " at " + seconds(atNanos) + ", restart after " + seconds(downForNanos);
    }
  }

  /** A c-vol is lost for good; after {@code downForNanos} a new machine joins the cluster as a new host. */
  record Replace(NodeId node, long atNanos, long downForNanos) implements SwarmFault {
    @Override
    public FaultKind kind() {
      return FaultKind.REPLACE;
    }

    @Override
    public SwarmFault onto(UnaryOperator<NodeId> occupant) {
      return new Replace(occupant.apply(node), atNanos, downForNanos);
    }

    @Override
    public String label() {
      return "fault: lose " + node + " at " + seconds(atNanos) + ", a replacement joins after " + seconds(downForNanos);
    }
  }

  /** An operator drains a c-vol (SIGTERM, graceful shutdown) and starts it again after {@code downForNanos}. */
  record Drain(NodeId node, long atNanos, long downForNanos) implements SwarmFault {
    @Override
    public FaultKind kind() {
      return FaultKind.DRAIN;
    }

    @Override
    public SwarmFault onto(UnaryOperator<NodeId> occupant) {
      return new Drain(occupant.apply(node), atNanos, downForNanos);
    }

    @Override
    public String label() {
      return "fault: drain " + node + " at " + seconds(atNanos) + ", start again after " + seconds(downForNanos);
    }
  }

  /** A stop-the-world pause: the node is frozen but keeps believing what it believed. */
  record Pause(NodeId node, long atNanos, long lengthNanos) implements SwarmFault {
    @Override
    public FaultKind kind() {
      return FaultKind.PAUSE;
    }

    @Override
    public SwarmFault onto(UnaryOperator<NodeId> occupant) {
      return new Pause(occupant.apply(node), atNanos, lengthNanos);
    }

    @Override
    public String label() {
      return "fault: pause " + node + " at " + seconds(atNanos) + " for " + seconds(lengthNanos);
    }
  }

  /** A node cut off, both ways, from one infrastructure node (the DB, DLM, broker or array). */
  record Cut(FaultKind kind, NodeId node, NodeId other, long atNanos, long lengthNanos) implements SwarmFault {
    @Override
    public SwarmFault onto(UnaryOperator<NodeId> occupant) {
      return new Cut(kind, occupant.apply(node), occupant.apply(other), atNanos, lengthNanos);
    }

    @Override
    public String label() {
      return "fault: partition " + node + " from " + other + " at " + seconds(atNanos) + " for " + seconds(lengthNanos);
    }
  }

  /** The network split in two halves: no link crosses between them. */
  record Split(FaultKind kind, List<NodeId> sideA, List<NodeId> sideB, long atNanos, long lengthNanos)
      implements SwarmFault {
    public Split {
      sideA = List.copyOf(sideA);
      sideB = List.copyOf(sideB);
    }

    @Override
    public SwarmFault onto(UnaryOperator<NodeId> occupant) {
      return new Split(kind, sideA.stream().map(occupant).toList(), sideB.stream().map(occupant).toList(), atNanos,
          lengthNanos);
    }

    @Override
    public String label() {
      return "fault: " + kind.optionValue() + " " + sideA + " | " + sideB + " at " + seconds(atNanos) + " for "
          + seconds(lengthNanos);
    }
  }

  /**
   * A change of link profile for a while: a loss burst on every link, or duplicated deliveries
   * from the broker to the c-vol nodes (redelivery).
   */
  record LinkBurst(FaultKind kind, Ratio ratio, long atNanos, long lengthNanos) implements SwarmFault {
    @Override
    public String label() {
      String what = kind == FaultKind.LOSS_BURST ? "message loss " : "broker redelivery (duplicates) ";
      return "fault: " + what + ratio + " at " + seconds(atNanos) + " for " + seconds(lengthNanos);
    }
  }

  /** For a while the database aborts this share of writes as deadlock victims. */
  record DeadlockBurst(Ratio ratio, long atNanos, long lengthNanos) implements SwarmFault {
    @Override
    public FaultKind kind() {
      return FaultKind.DB_DEADLOCKS;
    }

    @Override
    public String label() {
      return "fault: database deadlock aborts " + ratio + " at " + seconds(atNanos) + " for " + seconds(lengthNanos);
    }
  }

  /** A node's clock stepped to read true time plus {@code offsetNanos}. */
  record ClockSkew(NodeId node, long atNanos, long offsetNanos) implements SwarmFault {
    @Override
    public FaultKind kind() {
      return FaultKind.CLOCK_SKEW;
    }

    @Override
    public SwarmFault onto(UnaryOperator<NodeId> occupant) {
      return new ClockSkew(occupant.apply(node), atNanos, offsetNanos);
    }

    @Override
    public String label() {
      return "fault: skew " + node + "'s clock by " + seconds(offsetNanos) + " at " + seconds(atNanos);
    }
  }

  /** A node's clock running fast (positive) or slow by {@code driftPpm} until the heal. */
  record ClockDrift(NodeId node, long atNanos, long driftPpm) implements SwarmFault {
    @Override
    public FaultKind kind() {
      return FaultKind.CLOCK_DRIFT;
    }

    @Override
    public SwarmFault onto(UnaryOperator<NodeId> occupant) {
      return new ClockDrift(occupant.apply(node), atNanos, driftPpm);
    }

    @Override
    public String label() {
      return "fault: drift " + node + "'s clock by " + driftPpm + " ppm at " + seconds(atNanos);
    }
  }

  /**
   * Slow driver calls, made without touching the model: the link between a c-vol and the array
   * gets a long latency, so every driver call of that node takes that much longer both ways.
   */
  record SlowStorage(NodeId node, long atNanos, long lengthNanos, long latencyNanos) implements SwarmFault {
    @Override
    public FaultKind kind() {
      return FaultKind.SLOW_STORAGE;
    }

    @Override
    public SwarmFault onto(UnaryOperator<NodeId> occupant) {
      return new SlowStorage(occupant.apply(node), atNanos, lengthNanos, latencyNanos);
    }

    @Override
    public String label() {
      return "fault: slow storage for " + node + " (+" + seconds(latencyNanos) + " each way) at "
          + seconds(atNanos) + " for " + seconds(lengthNanos);
    }
  }

  /** An admin request sent through an API node: force-delete, reset-state or workers cleanup. */
  record AdminAction(FaultKind kind, long atNanos, Message request, String description) implements SwarmFault {
    @Override
    public String label() {
      return "fault: admin " + description + " at " + seconds(atNanos);
    }
  }

  /** {@code 31.2s}: one decimal is what a reader needs to place a fault in a trace. */
  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
  }
}
