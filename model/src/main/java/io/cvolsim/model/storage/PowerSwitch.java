package io.cvolsim.model.storage;

import io.cvolsim.kernel.api.NodeId;

/**
 * A fencing device that cuts a node's power (STONITH, IPMI, an SBD watchdog). Model code only
 * asks for the power-off; the harness carries it out by crashing the node, so the fenced node
 * loses all volatile state and stops touching storage. The switch gives no confirmation: a
 * requester that must wait for the node to be down waits for the delay (and its margin) itself.
 * A process that exits on its own after a graceful shutdown uses {@link #exit} instead.
 */
@FunctionalInterface
public interface PowerSwitch {

  /**
   * Powers {@code target} off once {@code delayNanos} of true time have passed (0: at once).
   *
   * @param requestedBy the node that asked, for the trace
   */
  void powerOff(NodeId requestedBy, NodeId target, long delayNanos);

  /** The process ends itself (a graceful shutdown's exit); by default as an immediate power-off. */
  default void exit(NodeId self) {
    powerOff(self, self, 0);
  }
}
