package io.cvolsim.model.broker;

import io.cvolsim.kernel.api.NodeId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/** The broker's view of one client connection: its topics, its unacked messages, its last frame. */
final class ConsumerConnection {
  /** A delivery awaiting its ack, and when it was last sent (broker clock). */
  record Held(long deliveryTag, QueuedMessage message, long sentAtLocalNanos) {}

  private final long id;
  private final NodeId owner;
  private final TreeSet<String> topics = new TreeSet<>();
  /** Delivered and not yet acknowledged, by delivery tag. */
  private final TreeMap<Long, Held> unacked = new TreeMap<>();
  private long lastDeliveryTag;
  private long lastHeardLocalNanos;
  private long lastTopicFrame;

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

  /** True for a topic frame newer than every one seen so far, which it then becomes. */
  boolean isNewest(long topicFrameNumber) {
    if (topicFrameNumber <= lastTopicFrame) {
      return false;
    }
    lastTopicFrame = topicFrameNumber;
    return true;
  }

  TreeSet<String> topics() {
    return topics;
  }

  /** Records a delivery and answers its tag. */
  long hold(QueuedMessage message, long nowLocalNanos) {
    long tag = ++lastDeliveryTag;
    unacked.put(tag, new Held(tag, message, nowLocalNanos));
    return tag;
  }

  /** Removes an unacked delivery; null when the tag is unknown (a double ack). */
  QueuedMessage release(long deliveryTag) {
    Held held = unacked.remove(deliveryTag);
    return held == null ? null : held.message();
  }

  /**
   * Deliveries sent at least {@code ageNanos} ago that the client says it does not hold: the
   * delivery or its ack was lost. They are marked as sent now, to be sent again.
   */
  List<Held> lostInTransit(Collection<Long> heldByClient, long ageNanos, long nowLocalNanos) {
    List<Held> lost = new ArrayList<>();
    for (Held held : new ArrayList<>(unacked.values())) {
      if (!heldByClient.contains(held.deliveryTag()) && nowLocalNanos - held.sentAtLocalNanos() >= ageNanos) {
        Held resent = new Held(held.deliveryTag(), held.message(), nowLocalNanos);
        unacked.put(held.deliveryTag(), resent);
        lost.add(resent);
      }
    }
    return lost;
  }

  /** Competing (non fan-out) messages of this topic held unacked: what prefetch limits. */
  int unackedOn(String topic) {
    return (int) unacked.values().stream()
        .filter(held -> held.message().topic().equals(topic) && held.message().kind() != PublishKind.FANOUT)
        .count();
  }

  /** Empties the unacked set, in delivery order, for requeueing when the connection goes. */
  List<QueuedMessage> releaseAll() {
    List<QueuedMessage> all = new ArrayList<>();
    unacked.values().forEach(held -> all.add(held.message()));
    unacked.clear();
    return all;
  }
}
