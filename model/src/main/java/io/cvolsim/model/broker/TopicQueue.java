package io.cvolsim.model.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * One declared queue: messages waiting in publish order and the consumers competing for them.
 * A requeued message goes back to its original place, ahead of newer ones, as RabbitMQ does.
 */
final class TopicQueue {
  private final String topic;
  /** Waiting messages by id, which is their publish order. */
  private final TreeMap<Long, QueuedMessage> ready = new TreeMap<>();
  /** Consumer connections in subscription order; the round robin walks this list. */
  private final List<Long> consumers = new ArrayList<>();
  private int cursor;

  TopicQueue(String topic) {
    this.topic = topic;
  }

  String topic() {
    return topic;
  }

  void enqueue(QueuedMessage message) {
    if (ready.putIfAbsent(message.messageId(), message) != null) {
      throw new IllegalStateException("message #" + message.messageId() + " is already queued on " + topic);
    }
  }

  boolean hasWaiting() {
    return !ready.isEmpty();
  }

  QueuedMessage takeOldest() {
    return ready.pollFirstEntry().getValue();
  }

  int waitingCount() {
    return ready.size();
  }

  boolean addConsumer(long connectionId) {
    if (consumers.contains(connectionId)) {
      return false;
    }
    consumers.add(connectionId);
    return true;
  }

  void removeConsumer(long connectionId) {
    int index = consumers.indexOf(connectionId);
    if (index < 0) {
      return;
    }
    consumers.remove(index);
    if (index < cursor) {
      cursor--;
    }
    if (cursor >= consumers.size()) {
      cursor = 0;
    }
  }

  List<Long> consumers() {
    return List.copyOf(consumers);
  }

  /**
   * The next consumer in round-robin order that may take a message, or 0 when none may; the
   * turn passes to the one after it. Content and load play no part, as in RabbitMQ.
   */
  long nextConsumer(LongPredicate mayTake) {
    for (int step = 0; step < consumers.size(); step++) {
      int index = (cursor + step) % consumers.size();
      long candidate = consumers.get(index);
      if (mayTake.test(candidate)) {
        cursor = (index + 1) % consumers.size();
        return candidate;
      }
    }
    return 0;
  }
}
