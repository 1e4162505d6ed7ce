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
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.TreeSet;
import java.util.Set;

/**
 * L2 cleanup availability (reference §8, §5.6): once a cleanup of a down service is under way -
 * the heal phase's admin cleanup answered with it among those being cleaned (so some member of
 * its cluster was up), or a scheduler sending its automatic cleanup - every workers row that
 * service owned at that moment is deleted before the service itself comes back (its own startup
 * cleanup, the first workers action under its id) or the run ends. A row a cleaner kept or gave
 * back, a service back within {@link #GRACE_NANOS}, or back while its order was still with the
 * broker (no member had yet done it), is a caveat. A cleanup given a resource filter (the
 * swarm's admin) is judged on the rows it names only. And a restarted c-vol cleans its
 * own rows before consuming: when its heartbeat loop starts again (which follows init_host's
 * cleanup and the subscriptions), no row its service owned since before it died is still its
 * own unclaimed. And an answer that nobody can clean a service is wrong while another member
 * of its cluster was clearly up (heartbeats in true time).
 */
public final class CleanupAvailabilityProperty {
  public static final String NAME = "L2 cleanup availability";
  /** How long a cleanup may take before the owner's own restart makes the question moot. */
  static final long GRACE_NANOS = Durations.seconds(30);
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.EVENTUALLY);

  private CleanupAvailabilityProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    List<Row> workerRowsAtEnd = artifacts.databaseAtEnd().get(Database.WORKERS);
    List<WorkerEvent> workers = workerRowsAtEnd == null ? artifacts.workers().events()
        : withUnloggedDeletes(artifacts.workers().events(), workerRowsAtEnd);
    return check(artifacts.services().events(), workers,
        artifacts.databaseAtEnd().getOrDefault(Database.SERVICES, List.of()), artifacts.endNanos(),
        artifacts.serviceDownTimeNanos(), new WorkersTruth(artifacts.workers().applied()),
        HeldCleanupOrders.of(artifacts.broker()));
  }

  /**
   * The log is written when a process hears its answer, so a delete that ran but whose answer
   * died with its process leaves no DELETED. A row the log knows, that the database no longer
   * has and whose deletion the log never saw, is taken as deleted right after its last logged
   * action (what the dying process was doing).
   */
  static List<WorkerEvent> withUnloggedDeletes(List<WorkerEvent> workers, List<Row> rowsAtEnd) {
    Set<Long> alive = rowsAtEnd.stream().map(row -> row.longValue("id", 0))
        .collect(Collectors.toCollection(TreeSet::new));
    Set<Long> deleted = workers.stream().filter(event -> event.kind() == WorkerEvent.Kind.DELETED)
        .map(event -> event.row().id()).collect(Collectors.toCollection(TreeSet::new));
    SortedMap<Long, Integer> lastIndexOfId = new TreeMap<>();
    for (int index = 0; index < workers.size(); index++) {
      long id = workers.get(index).row().id();
      if (id != 0 && !alive.contains(id) && !deleted.contains(id)) {
        lastIndexOfId.put(id, index);
      }
    }
    List<WorkerEvent> result = new ArrayList<>(workers);
    List<Integer> positions = new ArrayList<>(lastIndexOfId.values());
    positions.sort(java.util.Comparator.reverseOrder());
    for (int index : positions) {
      WorkerEvent last = workers.get(index);
      result.add(index + 1, new WorkerEvent(last.trueTimeNanos(), WorkerEvent.Kind.DELETED, last.node(),
          last.serviceId(), last.row(), null));
    }
    return result;
  }

  static PropertyResult check(List<ServiceLog.Event> services, List<WorkerEvent> workers, List<Row> serviceRows,
      long endNanos, long serviceDownTimeNanos) {
    return check(services, workers, serviceRows, endNanos, serviceDownTimeNanos, WorkersTruth.UNKNOWN,
        HeldCleanupOrders.NONE);
  }

  /**
   * {@code truth}: the database's own order of workers writes, which overrules the log's where
   * known. {@code held}: the cleanup orders the broker had not yet seen done.
   */
  static PropertyResult check(List<ServiceLog.Event> services, List<WorkerEvent> workers, List<Row> serviceRows,
      long endNanos, long serviceDownTimeNanos, WorkersTruth truth, HeldCleanupOrders held) {
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
      Optional<Long> heldOrder = backAt < endNanos ? held.heldAt(serviceId.get(), at, backAt) : Optional.empty();
      OrderFate fate = new OrderFate(heldOrder, held.fateOf(serviceId.get(), at, backAt));
      for (WorkerEntry row : ownedAt(serviceId.get(), at, workers)) {
        if (!truth.ownedBy(row.id(), serviceId.get(), at)) {
          continue; // the log had not yet heard of the write that took it away
        }
        if (!order.scope().covers(row.resourceType(), row.resourceId())) {
          continue; // a cleanup given a resource filter asked for other rows
        }
        rowsJudged++;
        if (truth.deletedBy(row.id(), backAt)) {
          continue;
        }
        Optional<WorkerEvent> release = inFlightRelease(row, serviceId.get(), at, workers, truth);
        if (release.isPresent()) {
          caveats.add("caveat: row " + row.id() + " of " + order.serviceHost() + " at its cleanup order "
              + Durations.formatTimestamp(at) + " was released by " + describe(release.get()));
          continue;
        }
        judgeRow(row, order, serviceId.get(), backAt, endNanos, fate, workers, witness, caveats);
      }
    }
    int restarts = 0;
    for (RestartedService restart : restarts(services, workers, truth)) {
      restarts++;
      for (Map.Entry<WorkerEntry, WorkerEvent> excused : restart.excused().entrySet()) {
        caveats.add("caveat: " + restart.node() + " consumed again at "
            + Durations.formatTimestamp(restart.consumingNanos()) + " while row " + excused.getKey().id()
            + " of its previous life was being released by " + describe(excused.getValue()));
      }
      for (WorkerEntry row : restart.leftovers()) {
        witness.add(restart.node() + " consumed again at " + Durations.formatTimestamp(restart.consumingNanos())
            + " with row " + row.id() + " (" + row.resourceType() + " " + row.resourceId() + ", " + row.status()
            + ") of its previous life, died at " + Durations.formatTimestamp(restart.diedNanos()) + ", still its own");
      }
    }
    rowsJudged += restarts;
    int unavailable = 0;
    for (ServiceLog.Event answer : services) {
      if (answer.kind() == ServiceLog.Kind.CLEANUP_UNAVAILABLE) {
        unavailable++;
        upMemberOf(answer, services, serviceRows, serviceDownTimeNanos).ifPresent(member -> witness.add(
            "the API answered that nobody could clean " + answer.serviceHost() + " at "
                + Durations.formatTimestamp(answer.trueTimeNanos()) + ", but its cluster's " + member + " was up"));
      }
    }
    rowsJudged += unavailable;
    if (rowsJudged == 0) {
      return VERDICTS.notExercised("no cleanup was under way for a down service that owned workers rows");
    }
    if (!witness.isEmpty()) {
      int left = witness.size();
      witness.addAll(caveats);
      return VERDICTS.violated(left + " workers rows outlived the cleanup meant for them (" + rowsJudged
          + " rows and restarts judged)", witness);
    }
    return VERDICTS.holds((rowsJudged - restarts) + " workers rows of services being cleaned, each deleted"
        + (caveats.isEmpty() ? "" : " or excused (" + caveats.size() + ")") + "; " + restarts
        + " restarts, each clean before consuming", caveats);
  }

  /** A cleanup that ended and left the row: kept, failed, or handed back. */
  private static final List<WorkerEvent.Kind> ENDED_WITHOUT_DELETE = List.of(WorkerEvent.Kind.KEPT,
      WorkerEvent.Kind.ACTION_FAILED, WorkerEvent.Kind.GIVEN_BACK);

  /**
   * Attempts that left the row as it was, so they cannot end a cleanup or undo its end; the
   * owner's own start-up claim is one, at the very instant that counts as its return.
   */
  private static final List<WorkerEvent.Kind> NO_CHANGE = List.of(WorkerEvent.Kind.CLAIM_ATTEMPT,
      WorkerEvent.Kind.CLAIM_LOST, WorkerEvent.Kind.SET_IN_USE);

  private static void judgeRow(WorkerEntry row, ServiceLog.Event order, long serviceId, long backAt, long endNanos,
      OrderFate fate, List<WorkerEvent> workers, List<String> witness, List<String> caveats) {
    String what = "row " + row.id() + " (" + row.resourceType() + " " + row.resourceId() + ", " + row.status()
        + ") of " + order.serviceHost() + ", ordered cleaned at " + Durations.formatTimestamp(order.trueTimeNanos());
    Optional<WorkerEvent> last = workers.stream().filter(event -> event.row().id() == row.id()
            && !NO_CHANGE.contains(event.kind())
            && event.trueTimeNanos() > order.trueTimeNanos() && event.trueTimeNanos() <= backAt)
        .reduce((a, b) -> b);
    if (last.isPresent() && last.get().kind() == WorkerEvent.Kind.DELETED) {
      return;
    }
    if (last.isPresent() && ENDED_WITHOUT_DELETE.contains(last.get().kind())) {
      caveats.add("caveat: " + what + ", was " + last.get().kind().name().toLowerCase(java.util.Locale.ROOT)
          + " by " + last.get().node());
    } else if (last.isPresent() && (last.get().kind() == WorkerEvent.Kind.CLAIM_WON
        || last.get().kind() == WorkerEvent.Kind.ACTION_RUN) && backAt < endNanos
        && !Objects.equals(last.get().serviceId(), serviceId)) {
      // The cleaner had the row and was still at it (waiting, say, on a lock the stalled owner
      // held until its lease ran out) when the owner came back: the premise, a down service, is
      // gone before "eventually" could be judged.
      caveats.add("caveat: " + what + ", claimed by " + last.get().node() + " and still being cleaned when its "
          + "service came back at " + Durations.formatTimestamp(backAt));
    } else if (fate.heldOrder().isPresent()) {
      // The order was still on its way: parked with a member the broker had not yet found dead,
      // paused or cut off, or handed back after a failure. Like a claim still running, the
      // owner's return ends the premise before "eventually" could be judged.
      caveats.add("caveat: " + what + ", its cleanup order (message " + fate.heldOrder().get()
          + ") was still with the broker, done by no member, when its service came back at "
          + Durations.formatTimestamp(backAt));
    } else if (backAt - order.trueTimeNanos() < GRACE_NANOS) {
      caveats.add("caveat: " + what + ", its service came back " + Durations.format(backAt - order.trueTimeNanos())
          + " later");
    } else {
      witness.add(what + ", still there " + (backAt == endNanos ? "at the end"
          : "when its service came back at " + Durations.formatTimestamp(backAt))
          + (row.updatedAtNanos() > order.trueTimeNanos() ? " (its updated_at is after the order)" : "")
          + fate.told().map(told -> "; " + told).orElse(""));
    }
  }

  /**
   * What became of a service's cleanup order: still held by the broker at the owner's return
   * (a caveat), and what the broker log says happened to it, for a witness's reader.
   */
  private record OrderFate(Optional<Long> heldOrder, Optional<String> told) {}

  private static Optional<Long> idOf(String host, List<Row> serviceRows) {
    return serviceRows.stream().filter(row -> host.equals(row.string("host")))
        .map(row -> row.longValue("id", 0)).findFirst();
  }

  /**
   * Another member of the service's cluster that was clearly up at the answer: a heartbeat at
   * least a second old (the API read before answering) and less than service_down_time less a
   * second old.
   */
  private static Optional<String> upMemberOf(ServiceLog.Event answer, List<ServiceLog.Event> services,
      List<Row> serviceRows, long serviceDownTimeNanos) {
    String cluster = serviceRows.stream().filter(row -> answer.serviceHost().equals(row.string("host")))
        .map(row -> row.string("cluster_name")).filter(Objects::nonNull).findFirst().orElse(null);
    if (cluster == null) {
      return Optional.empty();
    }
    List<String> members = serviceRows.stream().filter(row -> cluster.equals(row.string("cluster_name")))
        .map(row -> row.string("host")).filter(host -> !host.equals(answer.serviceHost())).toList();
    long slack = UpDownConsistencyProperty.READ_SLACK_NANOS;
    return services.stream().filter(event -> event.kind() == ServiceLog.Kind.HEARTBEAT
            && members.contains(event.serviceHost())
            && event.trueTimeNanos() <= answer.trueTimeNanos() - slack
            && event.trueTimeNanos() > answer.trueTimeNanos() - serviceDownTimeNanos + slack)
        .map(ServiceLog.Event::serviceHost).findFirst();
  }

  /** A c-vol that died and consumed again, with the rows it still owned from before it died. */
  record RestartedService(String node, long diedNanos, long consumingNanos, List<WorkerEntry> leftovers,
      Map<WorkerEntry, WorkerEvent> excused) {}

  /**
   * The log is written when a process hears its answer. A write logged after {@code atNanos} but
   * sent before it (its writer paused or slow in between) may have taken {@code serviceId}'s row
   * away before then: another service's successful CAS that expected it as the owner, or a
   * delete of the row. A guess for logs without the database's own record of its writes; where
   * that record exists it has already said whether the row was still the service's.
   */
  static Optional<WorkerEvent> inFlightRelease(WorkerEntry row, long serviceId, long atNanos,
      List<WorkerEvent> workers, WorkersTruth truth) {
    if (truth.known()) {
      return Optional.empty();
    }
    return workers.stream().filter(event -> event.row().id() == row.id() && event.trueTimeNanos() > atNanos
        && event.effectiveFromNanos() <= atNanos
        && (event.kind() == WorkerEvent.Kind.DELETED
            || ((event.kind() == WorkerEvent.Kind.SET || event.kind() == WorkerEvent.Kind.CLAIM_WON)
                && Objects.equals(event.row().serviceId(), serviceId)
                && !Objects.equals(event.serviceId(), serviceId))))
        .findFirst();
  }

  private static String describe(WorkerEvent event) {
    return event.node() + "'s " + event.kind().name().toLowerCase(java.util.Locale.ROOT) + " sent at "
        + Durations.formatTimestamp(event.effectiveFromNanos()) + ", answered at "
        + Durations.formatTimestamp(event.trueTimeNanos());
  }

  static List<RestartedService> restarts(List<ServiceLog.Event> services, List<WorkerEvent> workers) {
    return restarts(services, workers, WorkersTruth.UNKNOWN);
  }

  static List<RestartedService> restarts(List<ServiceLog.Event> services, List<WorkerEvent> workers,
      WorkersTruth truth) {
    Map<String, Long> diedAt = new TreeMap<>();
    List<RestartedService> restarts = new ArrayList<>();
    // Only volume services start a driver, and only they clean their own rows on start (§5.4).
    List<String> volumeNodes = services.stream().filter(event -> event.kind() == ServiceLog.Kind.DRIVER_STARTED
        || event.kind() == ServiceLog.Kind.DRIVER_UNINITIALIZED).map(ServiceLog.Event::actor).distinct().toList();
    for (ServiceLog.Event event : services) {
      if (!volumeNodes.contains(event.actor())) {
        continue;
      }
      if (event.kind() == ServiceLog.Kind.PROCESS_DIED) {
        diedAt.put(event.actor(), event.trueTimeNanos());
      } else if (event.kind() == ServiceLog.Kind.HEARTBEAT_STARTED && diedAt.containsKey(event.actor())) {
        long died = diedAt.remove(event.actor());
        Optional<Long> serviceId = serviceIdOf(event.actor(), workers);
        List<WorkerEntry> owned = serviceId.isEmpty() ? List.of()
            : ownedSince(serviceId.get(), event.trueTimeNanos(), workers).stream()
                .filter(entry -> entry.getValue() < died)
                .filter(entry -> truth.ownedBy(entry.getKey().id(), serviceId.get(), event.trueTimeNanos()))
                .map(Map.Entry::getKey).toList();
        List<WorkerEntry> leftovers = new ArrayList<>();
        Map<WorkerEntry, WorkerEvent> excused = new java.util.LinkedHashMap<>();
        for (WorkerEntry row : owned) {
          Optional<WorkerEvent> release = inFlightRelease(row, serviceId.get(), event.trueTimeNanos(), workers, truth);
          if (release.isPresent()) {
            excused.put(row, release.get());
          } else {
            leftovers.add(row);
          }
        }
        restarts.add(new RestartedService(event.actor(), died, event.trueTimeNanos(), leftovers, excused));
      }
    }
    return restarts;
  }

  /** A volume node's service id, as its own workers actions carry it. */
  private static Optional<Long> serviceIdOf(String node, List<WorkerEvent> workers) {
    return workers.stream().filter(event -> event.node().equals(node) && event.serviceId() != null)
        .map(WorkerEvent::serviceId).findFirst();
  }

  /** The rows {@code serviceId} owned at {@code atNanos}, each with when it became the owner. */
  private static List<Map.Entry<WorkerEntry, Long>> ownedSince(long serviceId, long atNanos,
      List<WorkerEvent> workers) {
    return replay(atNanos, workers).values().stream().filter(owned -> Objects.equals(owned.owner(), serviceId))
        .map(owned -> Map.entry(owned.row(), owned.sinceNanos())).toList();
  }

  /** The rows {@code serviceId} owned at {@code atNanos}, replaying the workers log up to then. */
  static List<WorkerEntry> ownedAt(long serviceId, long atNanos, List<WorkerEvent> workers) {
    return ownedSince(serviceId, atNanos, workers).stream().map(Map.Entry::getKey).toList();
  }

  /**
   * One live row during a replay: as last logged, its owner (null: none) and since when; the
   * race_preventer the row has after that action, and whether the action was a take-over.
   */
  private record Owned(WorkerEntry row, Long owner, long sinceNanos, long racePreventerNow, boolean takenOver) {}

  /**
   * The log is written when each process hears its answer, so a claim that ran just before an
   * API's take-over (create_worker's unconditional update) can be logged after it. The claim's
   * CAS expected a race_preventer the take-over had already moved past, so it ran first.
   */
  private static boolean overtakenByTakeOver(Owned current, WorkerEntry claimExpected) {
    if (current == null || current.racePreventerNow() < 0) {
      return false;
    }
    // A successful CAS expected version r, so the row was at r when it ran; a log that already
    // shows the row past r heard of a later write first.
    return current.takenOver() ? current.racePreventerNow() != claimExpected.racePreventer()
        : current.racePreventerNow() > claimExpected.racePreventer();
  }

  /**
   * Every live row at {@code atNanos}, by id. create_worker's take-over logs no row id, so a row is
   * also found by its resource.
   */
  private static Map<Long, Owned> replay(long atNanos, List<WorkerEvent> workers) {
    Map<Long, Owned> rows = new TreeMap<>();
    Map<String, Long> idOfResource = new TreeMap<>();
    // Row ids are never reused, so a write on an id the log already saw deleted was applied
    // before that delete: its answer reached its (paused or slow) writer only afterwards.
    Set<Long> deletedIds = new TreeSet<>();
    for (WorkerEvent event : workers) {
      if (event.trueTimeNanos() > atNanos) {
        break;
      }
      WorkerEntry logged = event.row();
      String resource = logged.resourceType() + "/" + logged.resourceId();
      long id = logged.id() != 0 ? logged.id() : idOfResource.getOrDefault(resource, 0L);
      if (id == 0 || deletedIds.contains(id)) {
        continue;
      }
      idOfResource.put(resource, id);
      WorkerEntry row = new WorkerEntry(id, logged.resourceType(), logged.resourceId(), logged.status(),
          logged.serviceId(), logged.racePreventer(), logged.updatedAtNanos(), logged.cleaning());
      switch (event.kind()) {
        case DELETED -> {
          deletedIds.add(id);
          rows.remove(id);
          idOfResource.remove(resource);
        }
        case CREATED, GIVEN_BACK -> rows.put(id, new Owned(row, logged.serviceId(), event.trueTimeNanos(),
            row.racePreventer(), false));
        case TAKEN_OVER -> rows.put(id, new Owned(row, logged.serviceId(), event.trueTimeNanos(),
            rows.containsKey(id) ? rows.get(id).racePreventerNow() + 1 : -1, true));
        case SET, CLAIM_WON -> {
          if (!overtakenByTakeOver(rows.get(id), logged)) {
            rows.put(id, new Owned(row, event.serviceId(), event.trueTimeNanos(), row.racePreventer() + 1, false));
          }
        }
        default -> { }
      }
    }
    return rows;
  }
}
