package io.cvolsim.scenarios.properties;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.model.workers.WorkerEntry;
import io.cvolsim.model.workers.WorkerEvent;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * L2 cleanup availability (reference §8, §5.6): once a cleanup of a down service is under way -
 * the heal phase's admin cleanup answered with it among those being cleaned (so some member of
 * its cluster was up), or a scheduler sending its automatic cleanup - every workers row that
 * service owned at that moment is deleted before the service itself comes back (its own startup
 * cleanup, the first workers action under its id) or the run ends. A row a cleaner kept or gave
 * back, or a service back within {@link #GRACE_NANOS}, is a caveat. The swarm's admin actions are
 * not judged: their filters clean part of a service on purpose. Not judged yet: "unavailable"
 * answers, and that a restarted service cleans its rows before consuming.
 */
public final class CleanupAvailabilityProperty {
  public static final String NAME = "L2 cleanup availability";
  /** How long a cleanup may take before the owner's own restart makes the question moot. */
  static final long GRACE_NANOS = Durations.seconds(30);
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.EVENTUALLY);

  private CleanupAvailabilityProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    return check(artifacts.services().events(), artifacts.workers().events(),
        artifacts.databaseAtEnd().getOrDefault(Database.SERVICES, List.of()), artifacts.endNanos());
  }

  static PropertyResult check(List<ServiceLog.Event> services, List<WorkerEvent> workers, List<Row> serviceRows,
      long endNanos) {
    List<String> witness = new ArrayList<>();
    List<String> caveats = new ArrayList<>();
    int rowsJudged = 0;
    for (ServiceLog.Event order : services) {
      if (order.kind() != ServiceLog.Kind.CLEANUP_ORDERED && order.kind() != ServiceLog.Kind.DECLARED_DOWN) {
        continue;
      }
      Optional<Long> serviceId = idOf(order.serviceHost(), serviceRows);
      if (serviceId.isEmpty()) {
        continue;
      }
      long at = order.trueTimeNanos();
      long backAt = workers.stream().filter(event -> event.trueTimeNanos() > at && serviceId.get().equals(event.serviceId()))
          .mapToLong(WorkerEvent::trueTimeNanos).findFirst().orElse(endNanos);
      for (WorkerEntry row : ownedAt(serviceId.get(), at, workers)) {
        rowsJudged++;
        judgeRow(row, order, serviceId.get(), backAt, endNanos, workers, witness, caveats);
      }
    }
    if (rowsJudged == 0) {
      return VERDICTS.notExercised("no cleanup was under way for a down service that owned workers rows");
    }
    if (!witness.isEmpty()) {
      int left = witness.size();
      witness.addAll(caveats);
      return VERDICTS.violated(left + " of " + rowsJudged + " workers rows outlived the cleanup ordered for them",
          witness);
    }
    return VERDICTS.holds(rowsJudged + " workers rows of services being cleaned, each deleted"
        + (caveats.isEmpty() ? "" : " or excused (" + caveats.size() + ")"), caveats);
  }

  private static void judgeRow(WorkerEntry row, ServiceLog.Event order, long serviceId, long backAt, long endNanos,
      List<WorkerEvent> workers, List<String> witness, List<String> caveats) {
    String what = "row " + row.id() + " (" + row.resourceType() + " " + row.resourceId() + ", " + row.status()
        + ") of " + order.serviceHost() + ", ordered cleaned at " + Durations.formatTimestamp(order.trueTimeNanos());
    Optional<WorkerEvent> last = workers.stream().filter(event -> event.row().id() == row.id()
        && event.trueTimeNanos() > order.trueTimeNanos() && event.trueTimeNanos() <= backAt).reduce((a, b) -> b);
    if (last.isPresent() && last.get().kind() == WorkerEvent.Kind.DELETED) {
      return;
    }
    if (last.isPresent() && (last.get().kind() == WorkerEvent.Kind.KEPT || last.get().kind() == WorkerEvent.Kind.GIVEN_BACK)) {
      caveats.add("caveat: " + what + ", was " + last.get().kind().name().toLowerCase(java.util.Locale.ROOT)
          + " by " + last.get().node());
    } else if (backAt - order.trueTimeNanos() < GRACE_NANOS) {
      caveats.add("caveat: " + what + ", its service came back " + Durations.format(backAt - order.trueTimeNanos())
          + " later");
    } else {
      witness.add(what + ", still there " + (backAt == endNanos ? "at the end"
          : "when its service came back at " + Durations.formatTimestamp(backAt))
          + (row.updatedAtNanos() > order.trueTimeNanos() ? " (its updated_at is after the order)" : ""));
    }
  }

  private static Optional<Long> idOf(String host, List<Row> serviceRows) {
    return serviceRows.stream().filter(row -> host.equals(row.string("host")))
        .map(row -> row.longValue("id", 0)).findFirst();
  }

  /** The rows {@code serviceId} owned at {@code atNanos}, replaying the workers log up to then. */
  static List<WorkerEntry> ownedAt(long serviceId, long atNanos, List<WorkerEvent> workers) {
    Map<Long, WorkerEntry> rows = new TreeMap<>();
    Map<Long, Long> owners = new TreeMap<>();
    for (WorkerEvent event : workers) {
      if (event.trueTimeNanos() > atNanos) {
        break;
      }
      long id = event.row().id();
      switch (event.kind()) {
        case CREATED, TAKEN_OVER -> owner(rows, owners, event.row(), event.row().serviceId());
        case SET, CLAIM_WON -> owner(rows, owners, event.row(), event.serviceId());
        case GIVEN_BACK -> owner(rows, owners, event.row(), event.row().serviceId());
        case DELETED -> {
          rows.remove(id);
          owners.remove(id);
        }
        default -> { }
      }
    }
    List<WorkerEntry> owned = new ArrayList<>();
    owners.forEach((id, owner) -> {
      if (owner != null && owner == serviceId) {
        owned.add(rows.get(id));
      }
    });
    return owned;
  }

  private static void owner(Map<Long, WorkerEntry> rows, Map<Long, Long> owners, WorkerEntry row, Long owner) {
    rows.put(row.id(), row);
    owners.put(row.id(), owner);
  }
}
