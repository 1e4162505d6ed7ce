package io.cvolsim.model.storage;

import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.SimFuture;
import java.util.function.BooleanSupplier;

/**
 * A c-vol's volume driver: the client of the shared array, one method per Cinder driver call.
 * Each call is a request to the array that completes at a later virtual time or fails: with the
 * array's error, with an injected driver error (before reaching the array), or with a timeout.
 * A timed-out call may still complete on the array, exactly as a real driver call that outlives
 * its caller. Calls made through {@link #withFencingToken} carry that token.
 */
public final class VolumeDriver {
  private final NodeContext context;
  private final NodeId array;
  private final DriverOptions options;
  private final FencingToken fencingToken;
  private final BooleanSupplier keepsItsLocks;

  public VolumeDriver(NodeContext context, NodeId array, DriverOptions options) {
    this(context, array, options, null, () -> true);
  }

  private VolumeDriver(NodeContext context, NodeId array, DriverOptions options, FencingToken fencingToken,
      BooleanSupplier keepsItsLocks) {
    this.context = context;
    this.array = array;
    this.options = options;
    this.fencingToken = fencingToken;
    this.keepsItsLocks = keepsItsLocks;
  }

  /** This driver, with every call carrying {@code token} (the lock's token the caller holds). */
  public VolumeDriver withFencingToken(FencingToken token) {
    return new VolumeDriver(context, array, options, token, keepsItsLocks);
  }

  /**
   * This driver, failing each call on a volume or snapshot while {@code keepsItsLocks} says no: a
   * lease-aware holder that gave a lock up touches no storage until it has released it.
   */
  public VolumeDriver withLockGuard(BooleanSupplier guard) {
    return new VolumeDriver(context, array, options, fencingToken, guard);
  }

  public DriverOptions options() {
    return options;
  }

  /** The driver's {@code SUPPORTS_ACTIVE_ACTIVE}; c-vol refuses to run clustered without it. */
  /** Whether a retype moves the volume between storage groups (PowerMax), under both groups' locks. */
  public boolean movesStorageGroups() {
    return options.storageGroupMoves();
  }

  public boolean supportsActiveActive() {
    return options.activeActive() == ActiveActiveSupport.SUPPORTED;
  }

  /** {@code do_setup}: reach the array and check this node may use it. */
  public SimFuture<Void> doSetup() {
    if (injectsError("do_setup", context.self().name()) || !options.setupErrorRatio().isZero()
        && context.choices().chance("driver.setup-error " + context.self().name(), options.setupErrorRatio())) {
      return injectedFailure("do_setup", context.self().name());
    }
    return context.call(array, new ArrayRequest.CheckAccess(), ArrayResponse.AccessGranted.class,
        options.callTimeoutNanos()).map(granted -> null);
  }

  /** {@code check_for_setup_error}: a local check of the driver's configuration. */
  public SimFuture<Void> checkForSetupError() {
    if (injectsError("check_for_setup_error", context.self().name())) {
      return injectedFailure("check_for_setup_error", context.self().name());
    }
    return SimFuture.succeeded(null);
  }

  public SimFuture<Void> createVolume(String volumeId, int sizeGb) {
    return done(new StorageCall.CreateVolume(volumeId, sizeGb, fencingToken));
  }

  /** {@code create_cloned_volume}: {@code volumeId} becomes a copy of {@code sourceVolumeId}. */
  public SimFuture<Void> createCloneFrom(String volumeId, String sourceVolumeId, int sizeGb) {
    return done(new StorageCall.CloneVolume(volumeId, sourceVolumeId, sizeGb, fencingToken));
  }

  public SimFuture<Void> createFromSnapshot(String volumeId, String snapshotId, int sizeGb) {
    return done(new StorageCall.CreateVolumeFromSnapshot(volumeId, snapshotId, sizeGb, fencingToken));
  }

  /** Deleting a volume that is already gone succeeds. */
  public SimFuture<Void> deleteVolume(String volumeId) {
    return done(new StorageCall.DeleteVolume(volumeId, fencingToken));
  }

  public SimFuture<Void> createSnapshot(String snapshotId, String volumeId) {
    return done(new StorageCall.CreateSnapshot(snapshotId, volumeId, fencingToken));
  }

  public SimFuture<Void> deleteSnapshot(String snapshotId) {
    return done(new StorageCall.DeleteSnapshot(snapshotId, fencingToken));
  }

  public SimFuture<Void> extendVolume(String volumeId, int newSizeGb) {
    return done(new StorageCall.ExtendVolume(volumeId, newSizeGb, fencingToken));
  }

  /** Exports the volume to {@code initiator} (the connector's host) and says where to find it. */
  public SimFuture<ConnectionInfo> initializeConnection(String volumeId, String initiator) {
    return driverCall(new StorageCall.InitializeConnection(volumeId, initiator, fencingToken),
        ArrayResponse.Connected.class).map(ArrayResponse.Connected::connection);
  }

  public SimFuture<Void> terminateConnection(String volumeId, String initiator) {
    return done(new StorageCall.TerminateConnection(volumeId, initiator, fencingToken));
  }

  /** Cleans up after an interrupted image download (cleanup of a {@code downloading} volume). */
  public SimFuture<Void> clearDownload(String volumeId) {
    return done(new StorageCall.ClearDownload(volumeId, fencingToken));
  }

  /** {@code ensure_export}, as {@code init_host} runs it for the volumes the service serves. */
  public SimFuture<Void> ensureExport(String volumeId) {
    return done(new StorageCall.EnsureExport(volumeId, fencingToken));
  }

  /**
   * {@code copy_image_to_volume}: exports the volume to this node, writes every block in order
   * (the image), then removes the export. Each write is logged, so a zombie still downloading
   * while a cleaner runs {@link #clearDownload} shows in the log.
   */
  public SimFuture<Void> copyImageToVolume(String volumeId) {
    String initiator = context.self().name();
    return initializeConnection(volumeId, initiator)
        .flatMap(connection -> writeBlocksFrom(connection, 0))
        .flatMap(written -> terminateConnection(volumeId, initiator));
  }

  private SimFuture<Void> writeBlocksFrom(ConnectionInfo connection, int blockIndex) {
    if (blockIndex >= connection.blockCount()) {
      return SimFuture.succeeded(null);
    }
    StorageCall.WriteBlock write = new StorageCall.WriteBlock(connection.volumeId(),
        connection.initiator(), blockIndex, fencingToken);
    return arrayCall(write, ArrayResponse.Written.class)
        .flatMap(written -> writeBlocksFrom(connection, blockIndex + 1));
  }

  /** Storage fencing: the array refuses every later call from {@code node}. */
  public SimFuture<Void> revokeAccess(NodeId node) {
    return revokeAccess(node, null);
  }

  /** Storage fencing of one incarnation of {@code node} (all of them when null). */
  public SimFuture<Void> revokeAccess(NodeId node, Integer incarnation) {
    return arrayCall(new StorageCall.RevokeAccess(node, incarnation), ArrayResponse.Done.class).map(done -> null);
  }

  /** Re-admits {@code node}; a fresh incarnation calls it for itself at start-up. */
  public SimFuture<Void> restoreAccess(NodeId node) {
    return restoreAccess(node, null);
  }

  /** Re-admits {@code node} as {@code incarnation}, so that older revocations arriving late are ignored. */
  public SimFuture<Void> restoreAccess(NodeId node, Integer incarnation) {
    return arrayCall(new StorageCall.RestoreAccess(node, incarnation), ArrayResponse.Done.class).map(done -> null);
  }

  /** True for the array's answer that an object the call needs does not exist (VolumeNotFound). */
  public static boolean isNotFound(Failure failure) {
    return failure instanceof Failure.Error error
        && (error.reason().contains(" not found") || error.reason().contains(" deleted during"));
  }

  private SimFuture<Void> done(StorageCall call) {
    return driverCall(call, ArrayResponse.Done.class).map(done -> null);
  }

  private <R extends ArrayResponse> SimFuture<R> driverCall(StorageCall call, Class<R> responseType) {
    String operation = ArrayEffects.lower(call.operation());
    if (!keepsItsLocks.getAsBoolean()) {
      return SimFuture.failed(Failure.error("lock lost: " + operation + " " + call.target()
          + " not sent, a lock its lease may no longer cover is not yet released"));
    }
    if (injectsError(operation, call.target())) {
      return injectedFailure(operation, call.target());
    }
    return arrayCall(call, responseType);
  }

  private <R extends ArrayResponse> SimFuture<R> arrayCall(StorageCall call, Class<R> responseType) {
    SimFuture<R> answer = context.call(array, call, responseType, options.callTimeoutNanos());
    answer.whenComplete(outcome -> {
      if (outcome instanceof Outcome.Failed<R> failed && failed.failure() instanceof Failure.TimedOut) {
        context.probe("driver.call-timed-out");
      }
    });
    return answer;
  }

  private boolean injectsError(String operation, String resource) {
    return !options.errorRatio().isZero()
        && context.choices().chance("driver.error " + operation + " " + resource, options.errorRatio());
  }

  private <T> SimFuture<T> injectedFailure(String operation, String resource) {
    context.probe("driver.injected-error");
    return SimFuture.failed(Failure.error("driver error (injected) in " + operation + " " + resource));
  }
}
