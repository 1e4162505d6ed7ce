package io.cvolsim.scenarios.properties;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.model.broker.BrokerEvent;
import io.cvolsim.model.broker.BrokerLog;
import io.cvolsim.model.broker.BrokerLogEntry;
import io.cvolsim.model.broker.QueueNames;
import io.cvolsim.model.rpc.VolumeRpc;
import io.cvolsim.model.workers.CleanupRequest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The cleanup orders the broker still held at a moment: a {@code do_cleanup} for one service, cast
 * to its cluster's queue, that no member had acknowledged yet and no broker restart had dropped.
 * Such an order is waiting for a consumer the broker still believes in (a dead one until its
 * heartbeat times out, a paused or cut one), or is being retried after a member failed it.
 */
final class HeldCleanupOrders {
  static final HeldCleanupOrders NONE = new HeldCleanupOrders(null);
  /** What a witness tells of an order's life in the broker. */
  private static final List<BrokerEvent> TOLD = List.of(BrokerEvent.PUBLISHED, BrokerEvent.DELIVERED,
      BrokerEvent.ACKED, BrokerEvent.REQUEUED, BrokerEvent.DISCARDED, BrokerEvent.DISPATCH_FAILED);

  private final BrokerLog log;

  private HeldCleanupOrders(BrokerLog log) {
    this.log = log;
  }

  static HeldCleanupOrders of(BrokerLog log) {
    return log == null ? NONE : new HeldCleanupOrders(log);
  }

  /** The id of an order for {@code serviceId} published in [fromNanos, atNanos] and still held at atNanos. */
  Optional<Long> heldAt(long serviceId, long fromNanos, long atNanos) {
    if (log == null) {
      return Optional.empty();
    }
    List<BrokerLogEntry> entries = log.entries();
    return entries.stream().filter(entry -> entry.event() == BrokerEvent.PUBLISHED
            && entry.atNanos() >= fromNanos && entry.atNanos() <= atNanos
            && isClusterOrderFor(serviceId, entry))
        .filter(published -> !settledBy(published, atNanos, entries))
        .map(BrokerLogEntry::messageId).findFirst();
  }

  /**
   * The first cluster order for {@code serviceId} published in [fromNanos, untilNanos], told as
   * the broker saw it: to whom it went, who acknowledged it, whose handler failed. So a witness
   * says at once that an order was, say, acknowledged before a member's run of it failed.
   */
  Optional<String> fateOf(long serviceId, long fromNanos, long untilNanos) {
    if (log == null) {
      return Optional.empty();
    }
    List<BrokerLogEntry> entries = log.entries();
    return entries.stream().filter(entry -> entry.event() == BrokerEvent.PUBLISHED
            && entry.atNanos() >= fromNanos && entry.atNanos() <= untilNanos && isClusterOrderFor(serviceId, entry))
        .findFirst().map(published -> "its cleanup order (message " + published.messageId() + ") was "
            + String.join(", ", entries.stream().filter(entry -> entry.messageId() == published.messageId()
                    && TOLD.contains(entry.event()))
                .map(entry -> entry.event().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (entry.node() == null ? "" : " by " + entry.node()) + " at "
                    + Durations.formatTimestamp(entry.atNanos()))
                .limit(6).toList()));
  }

  private boolean isClusterOrderFor(long serviceId, BrokerLogEntry published) {
    return log.payloadOf(published.messageId()).filter(VolumeRpc.DoCleanup.class::isInstance)
        .map(payload -> ((VolumeRpc.DoCleanup) payload).request())
        .filter(request -> Objects.equals(request.serviceId(), serviceId) && sentToCluster(request, published))
        .isPresent();
  }

  private static boolean sentToCluster(CleanupRequest request, BrokerLogEntry published) {
    return request.clusterName() != null
        && published.topic().equals(QueueNames.volumeTopic(request.clusterName()));
  }

  /** Acknowledged, discarded, or lost with the broker's queues by {@code atNanos}. */
  private static boolean settledBy(BrokerLogEntry published, long atNanos, List<BrokerLogEntry> entries) {
    return entries.stream().anyMatch(entry -> entry.atNanos() >= published.atNanos() && entry.atNanos() <= atNanos
        && (entry.event() == BrokerEvent.BROKER_STARTED
            || (entry.messageId() == published.messageId()
                && (entry.event() == BrokerEvent.ACKED || entry.event() == BrokerEvent.DISCARDED))));
  }
}
