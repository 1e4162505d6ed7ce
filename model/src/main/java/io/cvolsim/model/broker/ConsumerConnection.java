package io.cvolsim.model.broker;

import io.cvolsim.kernel.api.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/** The broker's view of one client connection: its topics, its unacked messages, its last frame. */
final class ConsumerConnection {
  private final long id;
  private final NodeId owner;
  private final TreeSet<String> topics = new TreeSet<>();
  /** Delivered and not yet acknowledged, by delivery tag. */
  private final TreeMap<Long, QueuedMessage> unacked = new TreeMap<>();
  private long lastDeliveryTag;
  private long lastHeardLocalNanos;

  ConsumerConnection(long id, NodeId owner, long nowLocalNanos) {
    this.id = id;
    this.owner = owner;
    this.lastHeardLocalNanos = nowLocalNanos;
  }

  long id() {
    return id;
  }

  NodeId owner() {
    return owner;
  }

  void heard(long nowLocalNanos) {
    lastHeardLocalNanos = nowLocalNanos;
  }

  boolean silentFor(long timeoutNanos, long nowLocalNanos) {
    return nowLocalNanos - lastHeardLocalNanos > timeoutNanos;
  }

  TreeSet<String> topics() {
    return topics;
  }

  /** Records a delivery and answers its tag. */
  long hold(QueuedMessage message) {
    long tag = ++lastDeliveryTag;
    unacked.put(tag, message);
    return tag;
  }

  /** Removes an unacked delivery; null when the tag is unknown (a double ack). */
  QueuedMessage release(long deliveryTag) {
    return unacked.remove(deliveryTag);
  }

  /** Competing (non fan-out) messages of this topic held unacked: what prefetch limits. */
  int unackedOn(String topic) {
    return (int) unacked.values().stream()
        .filter(message -> message.topic().equals(topic) && message.kind() != PublishKind.FANOUT)
        .count();
  }

  /** Empties the unacked set, in delivery order, for requeueing when the connection goes. */
  List<QueuedMessage> releaseAll() {
    List<QueuedMessage> all = new ArrayList<>(unacked.values());
    unacked.clear();
    return all;
  }
}
