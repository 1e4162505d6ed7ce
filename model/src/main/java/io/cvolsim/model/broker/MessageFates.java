package io.cvolsim.model.broker;

import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Replays a broker log to the fate of every message; see {@link MessageFate}. */
final class MessageFates {
  /** Everything the log says about one message. */
  private static final class Track {
    boolean queued;
    long heldByConnection;
    boolean acked;
    boolean finished;
    boolean lostWithBroker;
    MessageFate terminal;
    final SortedSet<Long> dispatchConnections = new TreeSet<>();
  }

  private final SortedMap<Long, Track> tracks = new TreeMap<>();
  private final SortedSet<Long> deadConnections = new TreeSet<>();
  private boolean brokerStarted;

  private MessageFates() {}

  static SortedMap<Long, MessageFate> of(List<BrokerLogEntry> entries) {
    MessageFates fates = new MessageFates();
    entries.forEach(fates::apply);
    SortedMap<Long, MessageFate> result = new TreeMap<>();
    fates.tracks.forEach((id, track) -> result.put(id, fates.fateOf(track)));
    return result;
  }

  private void apply(BrokerLogEntry entry) {
    BrokerEvent event = entry.event();
    if (event == BrokerEvent.CONNECTION_DEAD || event == BrokerEvent.CONNECTION_CLOSED) {
      deadConnections.add(entry.connectionId());
    } else if (event == BrokerEvent.BROKER_STARTED) {
      if (brokerStarted) {
        tracks.values().forEach(track -> track.lostWithBroker |= track.queued || track.heldByConnection != 0);
      }
      brokerStarted = true;
    } else if (entry.messageId() != 0) {
      apply(tracks.computeIfAbsent(entry.messageId(), id -> new Track()), entry);
    }
  }

  private static void apply(Track track, BrokerLogEntry entry) {
    switch (entry.event()) {
      case PUBLISHED, REQUEUED -> {
        track.queued = true;
        track.heldByConnection = 0;
      }
      case DELIVERED -> {
        track.queued = false;
        track.heldByConnection = entry.connectionId();
      }
      case ACKED -> {
        track.acked = true;
        track.heldByConnection = 0;
      }
      case UNROUTABLE -> track.terminal = MessageFate.UNROUTABLE;
      case DISCARDED -> track.terminal = MessageFate.DISCARDED;
      case DISPATCH_STARTED -> track.dispatchConnections.add(entry.connectionId());
      case DISPATCH_FINISHED, DISPATCH_FAILED -> track.finished = true;
      default -> {
        // LATE_FRAME and REPLIED do not change where the message is.
      }
    }
  }

  private MessageFate fateOf(Track track) {
    if (track.finished) {
      return MessageFate.DONE;
    }
    if (track.terminal != null) {
      return track.terminal;
    }
    boolean runningOnLiveConnection = track.dispatchConnections.stream()
        .anyMatch(connection -> !deadConnections.contains(connection));
    if (runningOnLiveConnection) {
      return MessageFate.IN_FLIGHT;
    }
    if (track.lostWithBroker) {
      return MessageFate.LOST_WITH_BROKER;
    }
    return track.acked ? MessageFate.LOST : MessageFate.UNDELIVERED;
  }
}
