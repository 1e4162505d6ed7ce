package io.cvolsim.model.broker;

import io.cvolsim.kernel.api.Message;
import io.cvolsim.kernel.api.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * The broker log the checkers read: every publish, delivery, ack, requeue and connection death
 * from the broker, and every dispatch start and end from the consumer library, stamped with true
 * time. The harness creates it and hands the same log to the broker and to every client; protocol
 * decisions never read it.
 */
public final class BrokerLog {
  private final LongSupplier trueClock;
  private final List<BrokerLogEntry> entries = new ArrayList<>();
  /** What each published message carried, so a checker can tell which request it was. */
  private final SortedMap<Long, Message> payloads = new TreeMap<>();

  public BrokerLog(LongSupplier trueClock) {
    this.trueClock = trueClock;
  }

  /** Public so that checkers' tests can write a log by hand; only the broker and its clients record. */
  public void record(BrokerEvent event, long messageId, String topic, NodeId node, long connectionId,
      String detail) {
    entries.add(new BrokerLogEntry(trueClock.getAsLong(), event, messageId, topic, node, connectionId,
        detail));
  }

  public void published(long messageId, String topic, NodeId publisher, String detail, Message payload) {
    record(BrokerEvent.PUBLISHED, messageId, topic, publisher, 0, detail);
    payloads.put(messageId, payload);
  }

  /** The payload a message was published with; empty for an id the log never saw published. */
  public Optional<Message> payloadOf(long messageId) {
    return Optional.ofNullable(payloads.get(messageId));
  }

  void connectionEvent(BrokerEvent event, NodeId node, long connectionId) {
    record(event, 0, "", node, connectionId, "");
  }

  public List<BrokerLogEntry> entries() {
    return List.copyOf(entries);
  }

  /** The entries of one kind, in log order. */
  public List<BrokerLogEntry> entries(BrokerEvent event) {
    return entries.stream().filter(entry -> entry.event() == event).toList();
  }

  /** Every message's fate as the log tells it at this moment (normally the end of the run). */
  public SortedMap<Long, MessageFate> fates() {
    return MessageFates.of(entries);
  }

  /** The messages with this fate, in id order. */
  public List<Long> withFate(MessageFate fate) {
    List<Long> ids = new ArrayList<>();
    fates().forEach((id, each) -> {
      if (each == fate) {
        ids.add(id);
      }
    });
    return ids;
  }

  /** Acknowledged messages whose every consumer died before finishing them. */
  public List<Long> lost() {
    return withFate(MessageFate.LOST);
  }

  /** Messages a handler started more than once (redelivery after a death or a zombie). */
  public SortedSet<Long> executedMoreThanOnce() {
    return countAtLeastTwo(List.of(BrokerEvent.DISPATCH_STARTED));
  }

  /** Messages that handlers finished more than once: a double execution that ran to the end. */
  public SortedSet<Long> completedMoreThanOnce() {
    return countAtLeastTwo(List.of(BrokerEvent.DISPATCH_FINISHED, BrokerEvent.DISPATCH_FAILED));
  }

  private SortedSet<Long> countAtLeastTwo(List<BrokerEvent> events) {
    SortedMap<Long, Integer> counts = new TreeMap<>();
    for (BrokerLogEntry entry : entries) {
      if (events.contains(entry.event())) {
        counts.merge(entry.messageId(), 1, Integer::sum);
      }
    }
    SortedSet<Long> result = new TreeSet<>();
    counts.forEach((id, count) -> {
      if (count >= 2) {
        result.add(id);
      }
    });
    return result;
  }
}
