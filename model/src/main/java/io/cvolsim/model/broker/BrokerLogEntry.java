package io.cvolsim.model.broker;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.NodeId;

/**
 * One line of the broker log, stamped with true time.
 *
 * @param atNanos true time of the event
 * @param event what happened
 * @param messageId the message concerned, or 0 for connection and broker events
 * @param topic the message's topic, or empty
 * @param node the consumer or caller concerned, or the broker itself
 * @param connectionId the consumer connection concerned, or 0
 * @param detail free text for readers (publish kind, "redelivered", a failure reason)
 */
public record BrokerLogEntry(long atNanos, BrokerEvent event, long messageId, String topic, NodeId node,
    long connectionId, String detail) {

  @Override
  public String toString() {
    return Durations.formatTimestamp(atNanos) + " " + event + " msg#" + messageId + " " + topic + " "
        + node + " conn#" + connectionId + (detail.isEmpty() ? "" : " " + detail);
  }
}
