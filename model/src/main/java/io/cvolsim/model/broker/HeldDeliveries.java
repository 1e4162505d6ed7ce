package io.cvolsim.model.broker;

import io.cvolsim.model.broker.BrokerMessage.Deliver;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a consumer holds on its current connection: deliveries received and not yet acknowledged
 * (waiting for a free worker, or running), and the tags it has acknowledged, so that a delivery
 * the broker sends again is recognised. Forgotten when the connection changes: the broker
 * requeues whatever the old connection held.
 */
final class HeldDeliveries {
  private final TreeSet<Long> unacknowledged = new TreeSet<>();
  private final TreeSet<Long> acknowledged = new TreeSet<>();
  /** Received while every worker was busy, by delivery tag (the broker's order). */
  private final TreeMap<Long, Deliver> waitingForWorker = new TreeMap<>();

  void forget() {
    unacknowledged.clear();
    acknowledged.clear();
    waitingForWorker.clear();
  }

  boolean wasAcknowledged(long deliveryTag) {
    return acknowledged.contains(deliveryTag);
  }

  boolean holds(long deliveryTag) {
    return unacknowledged.contains(deliveryTag);
  }

  void hold(Deliver deliver) {
    unacknowledged.add(deliver.deliveryTag());
  }

  /** Handed back with a reject: no longer held, and not acknowledged either. */
  void handedBack(long deliveryTag) {
    unacknowledged.remove(deliveryTag);
  }

  void acknowledged(long deliveryTag) {
    unacknowledged.remove(deliveryTag);
    acknowledged.add(deliveryTag);
  }

  void waitForWorker(Deliver deliver) {
    waitingForWorker.put(deliver.deliveryTag(), deliver);
  }

  /** The oldest delivery waiting for a worker, or null. */
  Deliver nextWaiting() {
    var first = waitingForWorker.pollFirstEntry();
    return first == null ? null : first.getValue();
  }

  /** The tags to report in a heartbeat: held, so not to be sent again. */
  List<Long> unacknowledgedTags() {
    return List.copyOf(unacknowledged);
  }
}
