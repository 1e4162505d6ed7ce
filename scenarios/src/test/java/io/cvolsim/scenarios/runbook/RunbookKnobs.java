package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;

import io.cvolsim.model.broker.AckMode;
import io.cvolsim.model.config.FencingRevocation;
import io.cvolsim.model.config.ManagerCompletion;
import io.cvolsim.model.config.UninitializedDriver;
import io.cvolsim.model.dlm.CoordinationBackend;
import io.cvolsim.model.dlm.LockHolder;
import io.cvolsim.model.dlm.LockOrder;
import io.cvolsim.model.storage.DurationRange;
import io.cvolsim.model.storage.FencingMode;
import io.cvolsim.model.storage.StorageTimings;
import io.cvolsim.model.workers.CleanupClaim;
import io.cvolsim.model.workers.CleanupTrigger;
import java.util.Optional;

/**
 * The typed knobs of a runbook deployment: its size and the design variants of reference §9 a
 * runbook flips. {@link #cinderToday()} is what Cinder's code does, on an array whose calls take
 * fixed times so that a runbook can say "the clone runs for 20 s" and mean it.
 *
 * @param seed the run's seed (message latencies, heart phases, first capability reports)
 * @param leaseNanos the etcd lease; empty means Tooz's 30 s
 * @param copyNanos how long a clone takes on the array
 * @param deleteNanos how long a volume delete takes on the array
 * @param createNanos how long an empty volume create takes on the array
 * @param lockOrder how several locks are taken at once (V20)
 * @param storageGroupMoves whether the driver moves a retyped volume between storage groups (PowerMax)
 * @param uninitializedDriver what a c-vol whose driver did not start does (Cinder: it consumes)
 * @param holder what a lock holder knows of its lease (Tooz: nothing)
 */
record RunbookKnobs(long seed, int schedulerNodes, int volumeNodes, int apiNodes, CoordinationBackend coordination,
    Optional<Long> leaseNanos, AckMode brokerAck, Fencing fencing, ManagerCompletion completion,
    CleanupTrigger cleanupTrigger, CleanupClaim cleanupClaim, long copyNanos, long deleteNanos, long createNanos,
    LockOrder lockOrder, boolean storageGroupMoves, UninitializedDriver uninitializedDriver, Holder holder) {

  /** A lock holder's knowledge of its lease, and the clock error a lease-aware one allows for. */
  record Holder(LockHolder kind, long clockErrorPpm) {
    static final Holder UNAWARE = new Holder(LockHolder.UNAWARE, 0);
  }

  /** How the scheduler fences a node it judged down, and what its revocations name. */
  record Fencing(FencingMode mode, FencingRevocation revocation) {}

  static RunbookKnobs cinderToday() {
    return new RunbookKnobs(1, 2, 3, 2, CoordinationBackend.FILE, Optional.empty(), AckMode.BEFORE_DISPATCH,
        new Fencing(FencingMode.NONE, FencingRevocation.HOST), ManagerCompletion.BLIND, CleanupTrigger.MANUAL, CleanupClaim.RACE_PREVENTER,
        seconds(20), seconds(1), seconds(1), LockOrder.SORTED, false, UninitializedDriver.CONSUME, Holder.UNAWARE);
  }

  /** The array's timings: the three a runbook sets, everything else short and fixed. */
  StorageTimings storageTimings() {
    DurationRange quick = fixed(millis(100));
    return new StorageTimings(fixed(createNanos), fixed(copyNanos), fixed(deleteNanos), fixed(seconds(1)), quick,
        quick, fixed(millis(5)));
  }

  private static DurationRange fixed(long nanos) {
    return DurationRange.between(nanos, nanos);
  }

  RunbookKnobs withVolumeNodes(int count) {
    return new RunbookKnobs(seed, schedulerNodes, count, apiNodes, coordination, leaseNanos, brokerAck, fencing,
        completion, cleanupTrigger, cleanupClaim, copyNanos, deleteNanos, createNanos, lockOrder, storageGroupMoves,
        uninitializedDriver, holder);
  }

  RunbookKnobs withCoordination(CoordinationBackend backend) {
    return new RunbookKnobs(seed, schedulerNodes, volumeNodes, apiNodes, backend, leaseNanos, brokerAck, fencing,
        completion, cleanupTrigger, cleanupClaim, copyNanos, deleteNanos, createNanos, lockOrder, storageGroupMoves,
        uninitializedDriver, holder);
  }

  RunbookKnobs withLease(long nanos) {
    return new RunbookKnobs(seed, schedulerNodes, volumeNodes, apiNodes, coordination, Optional.of(nanos),
        brokerAck, fencing, completion, cleanupTrigger, cleanupClaim, copyNanos, deleteNanos, createNanos,
        lockOrder, storageGroupMoves,
        uninitializedDriver, holder);
  }

  RunbookKnobs withBrokerAck(AckMode mode) {
    return new RunbookKnobs(seed, schedulerNodes, volumeNodes, apiNodes, coordination, leaseNanos, mode, fencing,
        completion, cleanupTrigger, cleanupClaim, copyNanos, deleteNanos, createNanos, lockOrder, storageGroupMoves,
        uninitializedDriver, holder);
  }

  RunbookKnobs withFencing(FencingMode mode) {
    return withFencing(new Fencing(mode, fencing.revocation()));
  }

  RunbookKnobs withRevocation(FencingRevocation revocation) {
    return withFencing(new Fencing(fencing.mode(), revocation));
  }

  private RunbookKnobs withFencing(Fencing newFencing) {
    return new RunbookKnobs(seed, schedulerNodes, volumeNodes, apiNodes, coordination, leaseNanos, brokerAck,
        newFencing, completion, cleanupTrigger, cleanupClaim, copyNanos, deleteNanos, createNanos, lockOrder,
        storageGroupMoves, uninitializedDriver, holder);
  }

  RunbookKnobs withCompletion(ManagerCompletion mode) {
    return new RunbookKnobs(seed, schedulerNodes, volumeNodes, apiNodes, coordination, leaseNanos, brokerAck,
        fencing, mode, cleanupTrigger, cleanupClaim, copyNanos, deleteNanos, createNanos, lockOrder, storageGroupMoves,
        uninitializedDriver, holder);
  }

  RunbookKnobs withCleanupTrigger(CleanupTrigger trigger) {
    return new RunbookKnobs(seed, schedulerNodes, volumeNodes, apiNodes, coordination, leaseNanos, brokerAck,
        fencing, completion, trigger, cleanupClaim, copyNanos, deleteNanos, createNanos, lockOrder, storageGroupMoves,
        uninitializedDriver, holder);
  }

  RunbookKnobs withCleanupClaim(CleanupClaim claim) {
    return new RunbookKnobs(seed, schedulerNodes, volumeNodes, apiNodes, coordination, leaseNanos, brokerAck,
        fencing, completion, cleanupTrigger, claim, copyNanos, deleteNanos, createNanos, lockOrder, storageGroupMoves,
        uninitializedDriver, holder);
  }

  RunbookKnobs withCopy(long nanos) {
    return new RunbookKnobs(seed, schedulerNodes, volumeNodes, apiNodes, coordination, leaseNanos, brokerAck,
        fencing, completion, cleanupTrigger, cleanupClaim, nanos, deleteNanos, createNanos, lockOrder,
        storageGroupMoves,
        uninitializedDriver, holder);
  }

  RunbookKnobs withDelete(long nanos) {
    return new RunbookKnobs(seed, schedulerNodes, volumeNodes, apiNodes, coordination, leaseNanos, brokerAck,
        fencing, completion, cleanupTrigger, cleanupClaim, copyNanos, nanos, createNanos, lockOrder, storageGroupMoves,
        uninitializedDriver, holder);
  }

  RunbookKnobs withCreate(long nanos) {
    return new RunbookKnobs(seed, schedulerNodes, volumeNodes, apiNodes, coordination, leaseNanos, brokerAck,
        fencing, completion, cleanupTrigger, cleanupClaim, copyNanos, deleteNanos, nanos, lockOrder,
        storageGroupMoves, uninitializedDriver, holder);
  }

  RunbookKnobs withLockOrder(LockOrder order) {
    return new RunbookKnobs(seed, schedulerNodes, volumeNodes, apiNodes, coordination, leaseNanos, brokerAck, fencing,
        completion, cleanupTrigger, cleanupClaim, copyNanos, deleteNanos, createNanos, order, storageGroupMoves,
        uninitializedDriver, holder);
  }

  RunbookKnobs withStorageGroupMoves(boolean moves) {
    return new RunbookKnobs(seed, schedulerNodes, volumeNodes, apiNodes, coordination, leaseNanos, brokerAck, fencing,
        completion, cleanupTrigger, cleanupClaim, copyNanos, deleteNanos, createNanos, lockOrder, moves,
        uninitializedDriver, holder);
  }

  RunbookKnobs withUninitializedDriver(UninitializedDriver mode) {
    return new RunbookKnobs(seed, schedulerNodes, volumeNodes, apiNodes, coordination, leaseNanos, brokerAck, fencing,
        completion, cleanupTrigger, cleanupClaim, copyNanos, deleteNanos, createNanos, lockOrder, storageGroupMoves,
        mode, holder);
  }

  RunbookKnobs withHolder(Holder chosen) {
    return new RunbookKnobs(seed, schedulerNodes, volumeNodes, apiNodes, coordination, leaseNanos, brokerAck, fencing,
        completion, cleanupTrigger, cleanupClaim, copyNanos, deleteNanos, createNanos, lockOrder, storageGroupMoves,
        uninitializedDriver, chosen);
  }
}
