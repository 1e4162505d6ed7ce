package io.cvolsim.scenarios.properties;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.broker.BrokerEvent;
import io.cvolsim.model.broker.BrokerLog;
import io.cvolsim.model.broker.QueueNames;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.rpc.VolumeRpc;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.model.workers.AppliedRow;
import io.cvolsim.model.workers.CleanupRequest;
import io.cvolsim.model.workers.WorkerEntry;
import io.cvolsim.model.workers.WorkerEvent;
import io.cvolsim.model.workers.WorkerEvent.Kind;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import io.cvolsim.model.service.OrderScope;
import io.cvolsim.model.workers.ResourceType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** L2 from hand-written logs: rows a down service owned when its cleanup was ordered must be deleted. */
class CleanupAvailabilityPropertyTest {
  private static final long DEAD = 5;
  private static final long CLEANER = 6;
  private static final long END = seconds(1_000);
  private static final WorkerEntry ROW = new WorkerEntry(1, "Volume", "vol-1", "creating", null, 1, 0, false);
  private final long[] now = {0};
  private final ServiceLog services = new ServiceLog(() -> now[0]);
  private final List<WorkerEvent> workers = new ArrayList<>();
  private final List<Row> serviceRows = List.of(Row.of(Row.values("id", DEAD, "host", "c-vol-1@lvm")),
      Row.of(Row.values("id", CLEANER, "host", "c-vol-2@lvm")));

  /** The row's race_preventer now: each successful set_worker or claim moves it on, as in the database. */
  private long version = ROW.racePreventer();

  /** A write to ROW, logged with the row as its writer read it. */
  private void worker(long at, Kind kind, String node, Long serviceId) {
    workers.add(new WorkerEvent(at, kind, node, serviceId,
        new WorkerEntry(1, "Volume", "vol-1", "creating", null, version, 0, false), null));
    if (kind == Kind.SET || kind == Kind.CLAIM_WON) {
      version++;
    }
  }

  /** The API creates the row, c-vol-1 takes it at 1 s and dies; the admin's cleanup is answered at 10 s. */
  private void rowOfADeadServiceOrderedCleaned() {
    worker(0, Kind.CREATED, "api-1", null);
    worker(seconds(1), Kind.SET, "c-vol-1", DEAD);
    now[0] = seconds(10);
    services.cleanupOrdered("c-vol-1@lvm", "admin");
  }

  /** c-vol-1 takes the row at 1 s, dies at 5 s and consumes again at 30 s. */
  private void takenThenDeadThenBackAt30s() {
    worker(0, Kind.CREATED, "api-1", null);
    worker(seconds(1), Kind.SET, "c-vol-1", DEAD);
    diesAt5sAndIsBackAt30s();
  }

  private void diesAt5sAndIsBackAt30s() {
    services.driverStarted("c-vol-1@lvm", "c-vol-1");
    now[0] = seconds(5);
    services.processDied("c-vol-1");
    now[0] = seconds(30);
    services.observer("c-vol-1@lvm", "c-vol-1").started();
  }

  private PropertyResult check() {
    return CleanupAvailabilityProperty.check(services.events(), workers, serviceRows, END, seconds(60));
  }

  @Test
  void aRowTheLiveMemberDeleted_holds() {
    rowOfADeadServiceOrderedCleaned();
    worker(seconds(11), Kind.CLAIM_WON, "c-vol-2", CLEANER);
    worker(seconds(12), Kind.DELETED, "c-vol-2", CLEANER);
    assertThat(check().status()).isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void aRowStillTheDeadServicesWhenItComesBack_isViolated() {
    rowOfADeadServiceOrderedCleaned();
    worker(seconds(100), Kind.CLAIM_WON, "c-vol-1", DEAD);
    PropertyResult result = check();
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.witness()).singleElement().asString().contains("row 1 (Volume vol-1, creating) of c-vol-1@lvm")
        .contains("still there when its service came back at 100");
  }

  /**
   * Deployment seeds 6339 and 6748 under the swarm's faults: the cluster's only orders sat with
   * members that could not run them (the crashed owner itself until the broker's heartbeat
   * timeout, a paused or cut member, a member handing a failed job back) when the owner came back
   * 40 and 60 s later.
   */
  @Test
  void aRowWhoseOrderTheBrokerStillHeldWhenItsServiceCameBack_isACaveat() {
    rowOfADeadServiceOrderedCleaned();
    worker(seconds(50), Kind.CLAIM_WON, "c-vol-1", DEAD);
    BrokerLog broker = brokerGivenTheOrder(QueueNames.volumeTopic("cluster@lvm"));
    PropertyResult result = checkWith(broker);
    assertThat(result.status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(result.witness()).singleElement().asString().startsWith("caveat")
        .contains("cleanup order (message 7) was still with the broker");

    now[0] = seconds(20);
    broker.record(BrokerEvent.ACKED, 7, QueueNames.volumeTopic("cluster@lvm"), NodeId.of("c-vol-2"), 3, "");
    PropertyResult acked = checkWith(broker);
    assertThat(acked.status()).as("acked at 20 s without deleting the row").isEqualTo(PropertyStatus.VIOLATED);
    assertThat(acked.witness()).singleElement().asString()
        .contains("its cleanup order (message 7) was published by sch-1 at 10.000000000, acked by c-vol-2 at 20.000000000");
  }

  @Test
  void anOrderLostWithABrokerRestart_isNoLongerHeld() {
    rowOfADeadServiceOrderedCleaned();
    worker(seconds(50), Kind.CLAIM_WON, "c-vol-1", DEAD);
    BrokerLog broker = brokerGivenTheOrder(QueueNames.volumeTopic("cluster@lvm"));
    now[0] = seconds(30);
    broker.record(BrokerEvent.BROKER_STARTED, 0, "", NodeId.of("broker"), 0, "");
    assertThat(checkWith(broker).status()).isEqualTo(PropertyStatus.VIOLATED);
  }

  @Test
  void anOrderStillHeld_excusesNothing_whenItsServiceNeverCameBack_orWhenItWasSentToItsHost() {
    rowOfADeadServiceOrderedCleaned();
    BrokerLog broker = brokerGivenTheOrder(QueueNames.volumeTopic("cluster@lvm"));
    assertThat(checkWith(broker).status()).as("still there at the end").isEqualTo(PropertyStatus.VIOLATED);

    worker(seconds(50), Kind.CLAIM_WON, "c-vol-1", DEAD);
    BrokerLog toItsHost = brokerGivenTheOrder(QueueNames.volumeTopic("c-vol-1@lvm"));
    assertThat(checkWith(toItsHost).status()).isEqualTo(PropertyStatus.VIOLATED);
  }

  /** A broker log in which sch-1 published, now, message 7: the dead service's cleanup, to {@code topic}. */
  private BrokerLog brokerGivenTheOrder(String topic) {
    BrokerLog broker = new BrokerLog(() -> now[0]);
    CleanupRequest order = CleanupRequest.forService(DEAD).withClusterName("cluster@lvm");
    broker.published(7, topic, NodeId.of("sch-1"), "cast", new VolumeRpc.DoCleanup(order));
    return broker;
  }

  private PropertyResult checkWith(BrokerLog broker) {
    return CleanupAvailabilityProperty.check(services.events(), workers, serviceRows, END, seconds(60),
        WorkersTruth.UNKNOWN, HeldCleanupOrders.of(broker));
  }

  /** Seed 145 of the hardened deployment: the cleaner waits on the stalled owner's lock, then the owner wakes. */
  @Test
  void aRowStillBeingCleanedWhenItsServiceCameBack_isACaveat_butAStuckCleanupIsViolated() {
    rowOfADeadServiceOrderedCleaned();
    worker(seconds(11), Kind.CLAIM_WON, "c-vol-2", CLEANER);
    worker(seconds(11), Kind.ACTION_RUN, "c-vol-2", CLEANER);
    workers.add(new WorkerEvent(seconds(100), Kind.SET, "c-vol-1", DEAD,
        new WorkerEntry(2, "Volume", "vol-2", "creating", null, 1, seconds(100), false), null));
    PropertyResult comeback = check();
    assertThat(comeback.status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(comeback.witness()).singleElement().asString().startsWith("caveat").contains("still being cleaned");

    workers.remove(workers.size() - 1);
    assertThat(check().status()).isEqualTo(PropertyStatus.VIOLATED);
  }

  /** Seed 249 of the hardened deployment: c-vol-1's claim ran first but its answer came after the take-over. */
  @Test
  void aClaimLoggedAfterATakeOverItPreceded_leavesTheRowWithTheTakeOver() {
    workers.add(new WorkerEvent(0, Kind.CREATED, "api-1", null,
        new WorkerEntry(1, "Volume", "vol-1", "creating", null, 0, 0, false), null));
    workers.add(new WorkerEvent(seconds(1), Kind.SET, "sch-1", 1L,
        new WorkerEntry(1, "Volume", "vol-1", "creating", null, 0, 0, false), null));
    workers.add(new WorkerEvent(seconds(2), Kind.TAKEN_OVER, "api-2", null,
        new WorkerEntry(0, "Volume", "vol-1", "deleting", null, 0, seconds(2), false), null));
    workers.add(new WorkerEvent(seconds(2) + 1, Kind.SET, "c-vol-1", DEAD,
        new WorkerEntry(1, "Volume", "vol-1", "creating", 1L, 1, 0, false), null));
    now[0] = seconds(70);
    services.declaredDown("c-vol-1@lvm", "sch-1");
    assertThat(check().status()).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }

  /** Cinder-today seed 224: the owner's last delete ran, its answer died with it, and no row followed. */
  @Test
  void aRowTheDatabaseNoLongerHas_isTakenAsDeletedByItsLastAction() {
    worker(0, Kind.CREATED, "api-1", null);
    worker(seconds(1), Kind.SET, "c-vol-1", DEAD);
    List<WorkerEvent> completed = CleanupAvailabilityProperty.withUnloggedDeletes(workers, List.of());
    assertThat(completed).hasSize(3).last().extracting(WorkerEvent::kind).isEqualTo(Kind.DELETED);
    assertThat(CleanupAvailabilityProperty.withUnloggedDeletes(workers, List.of(Row.of(Row.values("id", 1L)))))
        .as("a row still in the database stays").hasSize(2);
  }

  /** Seed 97 of the hardened deployment: the owner's delete ran, but its answer died with it. */
  @Test
  void aRowWhoseDeleteAnswerWasLost_isGoneOnceTheDatabaseHasOnlyTheNewRow() {
    worker(0, Kind.CREATED, "api-1", null);
    worker(seconds(1), Kind.SET, "c-vol-1", DEAD);
    workers.add(new WorkerEvent(seconds(3), Kind.CREATED, "api-2", null,
        new WorkerEntry(2, "Volume", "vol-1", "deleting", null, 0, seconds(3), false), null));
    now[0] = seconds(70);
    services.declaredDown("c-vol-1@lvm", "sch-1");
    assertThat(check().status()).as("read from the log alone").isEqualTo(PropertyStatus.VIOLATED);
    List<WorkerEvent> completed = CleanupAvailabilityProperty.withUnloggedDeletes(workers,
        List.of(Row.of(Row.values("id", 2L))));
    assertThat(CleanupAvailabilityProperty.check(services.events(), completed, serviceRows, END, seconds(60))
        .status()).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }

  @Test
  void aSchedulersAutomaticCleanup_isJudgedAsAnOrder() {
    worker(0, Kind.CREATED, "api-1", null);
    worker(seconds(1), Kind.SET, "c-vol-1", DEAD);
    now[0] = seconds(70);
    services.declaredDown("c-vol-1@lvm", "sch-1");
    worker(seconds(200), Kind.CLAIM_WON, "c-vol-1", DEAD);
    assertThat(check().status()).isEqualTo(PropertyStatus.VIOLATED);
  }

  /**
   * Seeds 603 and 1783 of hardened's own scenario: an admin's cleanup of one volume declared the
   * owner down; the rows of its other volumes were not the order's to clean.
   */
  @Test
  void aCleanupGivenAResourceFilter_isJudgedOnTheRowsItNames() {
    worker(0, Kind.CREATED, "api-1", null);
    worker(seconds(1), Kind.SET, "c-vol-1", DEAD);
    now[0] = seconds(10);
    CleanupRequest oneVolume = CleanupRequest.allDown().withResource(ResourceType.VOLUME, "vol-9");
    services.declaredDown("c-vol-1@lvm", "sch-1", OrderScope.of(oneVolume));
    worker(seconds(100), Kind.CLAIM_WON, "c-vol-1", DEAD);
    assertThat(check().status()).as("no row of the order's").isEqualTo(PropertyStatus.NOT_EXERCISED);

    now[0] = seconds(10);
    services.declaredDown("c-vol-1@lvm", "sch-1", OrderScope.of(oneVolume.withResource(ResourceType.VOLUME, "vol-1")));
    assertThat(check().status()).isEqualTo(PropertyStatus.VIOLATED);
  }

  /**
   * Seed 390 of hardened's own scenario: the cleaner's status write hit a deadlock and it gave the
   * row back; then a redelivered job's set_worker found the row in use, and the owner's start-up
   * claim was sent the instant it came back. Neither changed the row, so the give-back stands.
   */
  @Test
  void attemptsThatLeftTheRowAsItWas_doNotHideAnEarlierGiveBack() {
    rowOfADeadServiceOrderedCleaned();
    worker(seconds(11), Kind.CLAIM_WON, "c-vol-2", CLEANER);
    worker(seconds(12), Kind.ACTION_FAILED, "c-vol-2", CLEANER);
    worker(seconds(12), Kind.GIVEN_BACK, "c-vol-2", CLEANER);
    worker(seconds(50), Kind.SET_IN_USE, "c-vol-2", CLEANER);
    worker(seconds(100), Kind.CLAIM_ATTEMPT, "c-vol-1", DEAD);
    PropertyResult result = check();
    assertThat(result.status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(result.witness()).singleElement().asString().startsWith("caveat").contains("by c-vol-2");
  }

  @Test
  void aServiceBackWithinTheGrace_orARowTheCleanerKept_isACaveat() {
    rowOfADeadServiceOrderedCleaned();
    worker(seconds(20), Kind.CLAIM_WON, "c-vol-1", DEAD);
    assertThat(check().status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(check().witness()).singleElement().asString().startsWith("caveat").contains("came back");

    workers.clear();
    rowOfADeadServiceOrderedCleaned();
    worker(seconds(11), Kind.CLAIM_WON, "c-vol-2", CLEANER);
    worker(seconds(12), Kind.KEPT, "c-vol-2", CLEANER);
    assertThat(check().witness()).last().asString().startsWith("caveat").contains("was kept by c-vol-2");
  }

  @Test
  void rowsAreOwnedByWhoeverLastSetOrClaimedThem() {
    rowOfADeadServiceOrderedCleaned();
    assertThat(CleanupAvailabilityProperty.ownedAt(DEAD, seconds(10), workers)).extracting(WorkerEntry::id).containsExactly(1L);
    worker(seconds(11), Kind.CLAIM_WON, "c-vol-2", CLEANER);
    assertThat(CleanupAvailabilityProperty.ownedAt(DEAD, seconds(11), workers)).isEmpty();
    assertThat(CleanupAvailabilityProperty.ownedAt(CLEANER, seconds(11), workers)).extracting(WorkerEntry::id).containsExactly(1L);
  }

  @Test
  void aRestartThatConsumesWithItsOldRowUnclaimed_isViolated_andOneThatClaimedItHolds() {
    takenThenDeadThenBackAt30s();
    PropertyResult result = check();
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.witness()).singleElement().asString().contains("c-vol-1 consumed again at 30")
        .contains("row 1 (Volume vol-1, creating) of its previous life");

    worker(seconds(20), Kind.CLAIM_WON, "c-vol-1", DEAD);
    assertThat(check().status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(check().summary()).contains("1 restarts, each clean before consuming");
  }

  /**
   * Hardened seed 504: another member's claim of the row was applied at 20 s but answered at 40 s,
   * its writer paused between. The log shows the row as the dead service's when it came back at
   * 30 s; the claim's sending time excuses it, as a caveat.
   */
  @Test
  void aClaimSentBeforeTheRestartButAnsweredAfter_isACaveat() {
    takenThenDeadThenBackAt30s();
    WorkerEntry ownedByTheDead = new WorkerEntry(1, "Volume", "vol-1", "creating", DEAD, 2, 0, false);
    workers.add(new WorkerEvent(seconds(40), Kind.SET, "c-vol-2", CLEANER, ownedByTheDead, null, seconds(20)));
    PropertyResult result = check();
    assertThat(result.status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(result.witness()).singleElement().asString().startsWith("caveat: c-vol-1 consumed again at 30")
        .contains("c-vol-2's set sent at 20");

    workers.set(workers.size() - 1, new WorkerEvent(seconds(40), Kind.SET, "c-vol-2", CLEANER, ownedByTheDead, null,
        seconds(35)));
    assertThat(check().status()).isEqualTo(PropertyStatus.VIOLATED);
  }

  /**
   * Hardened seed 2167: another member's set_worker took the row at 20 s, but its writer was paused
   * and then killed, so the log never heard of it. The database's own record of its writes shows
   * the row was no longer the dead service's when it came back.
   */
  @Test
  void aRowTheDatabaseGaveAwayUnlogged_isNoLeftover_whenTheDatabasesWritesAreKnown() {
    takenThenDeadThenBackAt30s();
    List<AppliedRow> applied = List.of(new AppliedRow(0, 1, null, false), new AppliedRow(seconds(1), 1, DEAD, false),
        new AppliedRow(seconds(20), 1, CLEANER, false));
    assertThat(check().status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(CleanupAvailabilityProperty.check(services.events(), workers, serviceRows, END, seconds(60),
        new WorkersTruth(applied), HeldCleanupOrders.NONE).status()).isEqualTo(PropertyStatus.HOLDS);
    List<AppliedRow> stillItsOwn = applied.subList(0, 2);
    assertThat(CleanupAvailabilityProperty.check(services.events(), workers, serviceRows, END, seconds(60),
        new WorkersTruth(stillItsOwn), HeldCleanupOrders.NONE).status()).isEqualTo(PropertyStatus.VIOLATED);
  }

  /** Hardened seed 321: a claim answered after the row was deleted was applied before the delete. */
  @Test
  void aWriteLoggedAfterItsRowWasDeleted_doesNotBringTheRowBack() {
    rowOfADeadServiceOrderedCleaned();
    worker(seconds(11), Kind.CLAIM_WON, "c-vol-2", CLEANER);
    worker(seconds(12), Kind.DELETED, "c-vol-2", CLEANER);
    worker(seconds(13), Kind.SET, "c-vol-1", DEAD);
    assertThat(check().status()).isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void aRowCreateWorkerTookOverIsNoLongerTheDeadServices_thoughTheLogGivesNoRowId() {
    worker(0, Kind.CREATED, "api-1", null);
    worker(seconds(1), Kind.SET, "c-vol-1", DEAD);
    workers.add(new WorkerEvent(seconds(3), Kind.TAKEN_OVER, "api-2", null,
        new WorkerEntry(0, "Volume", "vol-1", "deleting", null, 0, seconds(3), false), null));
    diesAt5sAndIsBackAt30s();
    assertThat(check().status()).isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void anUnavailableAnswer_whileAnotherMemberBeats_isViolated() {
    List<Row> clustered = List.of(Row.of(Row.values("id", DEAD, "host", "c-vol-1@lvm", "cluster_name", "c1@lvm")),
        Row.of(Row.values("id", CLEANER, "host", "c-vol-2@lvm", "cluster_name", "c1@lvm")));
    now[0] = seconds(50);
    services.heartbeat("c-vol-2@lvm", "c-vol-2");
    now[0] = seconds(70);
    services.cleanupUnavailable("c-vol-1@lvm", "admin");
    PropertyResult result = CleanupAvailabilityProperty.check(services.events(), workers, clustered, END, seconds(60));
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.witness()).singleElement().asString().contains("but its cluster's c-vol-2@lvm was up");

    now[0] = seconds(200);
    services.cleanupUnavailable("c-vol-1@lvm", "admin");
    assertThat(CleanupAvailabilityProperty.check(services.events(), workers, clustered, END, seconds(60)).witness())
        .as("the second answer comes when no member has beaten for 150 s").hasSize(1);
  }

  @Test
  void noCleanupOrdered_isNotExercised() {
    worker(0, Kind.CREATED, "api-1", null);
    worker(seconds(1), Kind.SET, "c-vol-1", DEAD);
    assertThat(check().status()).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }
}
