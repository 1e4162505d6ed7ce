package io.cvolsim.model.storage;

import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.TimerHandle;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The storage array shared by every c-vol of a cluster (reference §1). Each call takes a drawn
 * virtual time; copies move block by block over theirs. The array does not care about its
 * callers: work it accepted runs to its end even when the caller crashed or gave up, and the
 * answer then goes nowhere. It refuses calls from nodes whose access was revoked and, with
 * {@link TokenFencing#ON}, calls carrying a stale fencing token. Everything goes to the log.
 */
public final class StorageArrayNode implements Node {
  private final NodeContext context;
  private final StorageArray array;
  private final StorageIoLog log;
  private final ArrayEffects effects;
  private final SortedMap<Long, RunningCall> running = new TreeMap<>();

  /** A call the array accepted and is still working on. */
  private static final class RunningCall {
    final long sequence;
    final IoCall call;
    final Incoming request;
    final CopyRun copy;
    TimerHandle timer;

    RunningCall(long sequence, IoCall call, Incoming request, CopyRun copy) {
      this.sequence = sequence;
      this.call = call;
      this.request = request;
      this.copy = copy;
    }
  }

  public StorageArrayNode(NodeContext context, StorageArray array) {
    this.context = context;
    this.array = array;
    this.log = array.log();
    this.effects = new ArrayEffects(array, context);
  }

  @Override
  public void start() {
    array.interruptRunningWork();
  }

  @Override
  public void onMessage(Incoming incoming) {
    if (!incoming.expectsReply()) {
      throw new IllegalStateException("the array only answers requests: " + incoming.message());
    }
    if (incoming.message() instanceof ArrayRequest.CheckAccess) {
      answerAccessCheck(incoming);
      return;
    }
    if (!(incoming.message() instanceof StorageCall call)) {
      throw new IllegalStateException("not a storage call: " + incoming.message());
    }
    IoCall io = call.describe(incoming.from());
    if (!admitted(incoming, call, io)) {
      return;
    }
    if (call instanceof StorageCall.RevokeAccess revoke) {
      revoke(incoming, io, revoke);
    } else if (call instanceof StorageCall.RestoreAccess restore) {
      array.restore(restore.node(), restore.incarnation());
      log.instant(io, incoming.sentAtNanos(), IoOutcome.COMPLETED, "access restored");
      context.reply(incoming, new ArrayResponse.Done("access restored for " + restore.node()));
    } else if (call.operation().readsSource()) {
      startCopy(incoming, call, io);
    } else {
      startTimed(incoming, call, io);
    }
  }

  private void answerAccessCheck(Incoming incoming) {
    if (array.isRevoked(incoming.from())) {
      context.replyError(incoming, "access revoked for " + incoming.from());
    } else {
      context.reply(incoming, new ArrayResponse.AccessGranted());
    }
  }

  /**
   * Storage and token fencing. A node may re-admit itself ({@code RestoreAccess}): only the
   * start-up code of a fresh incarnation does that, never a zombie.
   */
  private boolean admitted(Incoming incoming, StorageCall call, IoCall io) {
    IoOutcome refusal = null;
    String reason = "";
    FencingToken token = call.fencingToken();
    boolean checkTokens = array.options().tokenFencing() == TokenFencing.ON && token != null;
    boolean readmitsItself = call instanceof StorageCall.RestoreAccess restore
        && restore.node().equals(io.caller());
    if (array.isRevoked(io.caller()) && !readmitsItself) {
      refusal = IoOutcome.REFUSED_REVOKED;
      reason = "access revoked for " + io.caller();
      context.probe("storage.refused-revoked-node");
    } else if (checkTokens && array.isStale(token)) {
      refusal = IoOutcome.REFUSED_STALE_TOKEN;
      reason = "stale fencing token " + token;
      context.probe("storage.refused-stale-token");
    }
    if (refusal != null) {
      log.instant(io, incoming.sentAtNanos(), refusal, reason);
      context.replyError(incoming, reason);
      return false;
    }
    if (checkTokens) {
      array.observe(token);
    }
    return true;
  }

  private void revoke(Incoming incoming, IoCall io, StorageCall.RevokeAccess revocation) {
    NodeId node = revocation.node();
    if (!array.revoke(node, revocation.incarnation())) {
      // The node restarted since it was judged down: its new incarnation keeps its access, and the
      // revoker is told, so that it withholds the cleanup of work the new incarnation may own.
      context.probe("storage.stale-revocation-refused");
      String reason = "stale revocation: " + node + " re-admitted itself as a newer incarnation";
      log.instant(io, incoming.sentAtNanos(), IoOutcome.REJECTED, reason);
      context.replyError(incoming, reason);
      return;
    }
    log.instant(io, incoming.sentAtNanos(), IoOutcome.COMPLETED, "access revoked");
    List<RunningCall> ofNode = running.values().stream()
        .filter(run -> run.call.caller().equals(node)).toList();
    if (!ofNode.isEmpty()) {
      context.probe("storage.revoked-with-work-running");
      if (array.options().revokedInFlight() == RevokedInFlight.ABORT) {
        ofNode.forEach(run -> abort(run, "aborted: access revoked for " + node));
      }
    }
    context.reply(incoming, new ArrayResponse.Done("access revoked for " + node));
  }

  private void abort(RunningCall run, String reason) {
    run.timer.cancel();
    running.remove(run.sequence);
    array.breakIfTransitional(run.call.target());
    if (run.copy != null) {
      run.copy.releaseTemporarySnapshot();
    }
    log.end(run.sequence, IoOutcome.ABORTED, reason, run.copy == null ? null : run.copy.record());
    context.probe("storage.running-call-aborted");
    context.replyError(run.request, reason);
  }

  private boolean failsOnArrival(Incoming incoming, IoCall io, String problem) {
    if (problem == null) {
      return false;
    }
    log.instant(io, incoming.sentAtNanos(), IoOutcome.REJECTED, problem);
    context.replyError(incoming, problem);
    return true;
  }

  private long drawDurationNanos(IoCall io) {
    DurationRange range = array.options().timings().rangeFor(io.operation().category());
    return context.choices().durationNanos(label(io), range.minNanos(), range.maxNanos());
  }

  private static String label(IoCall io) {
    return "storage." + ArrayEffects.lower(io.operation()) + " " + io.target();
  }

  private RunningCall track(Incoming incoming, IoCall io, CopyRun copy) {
    RunningCall run = new RunningCall(log.begin(io, incoming.sentAtNanos()), io, incoming, copy);
    running.put(run.sequence, run);
    return run;
  }

  /** Under {@link ConcurrentMutations#REFUSE}: why this call must wait its turn, or null. */
  private String busyWithAnotherCaller(IoCall io) {
    if (array.options().concurrentMutations() == ConcurrentMutations.ALLOW || !changesItsTarget(io)) {
      return null;
    }
    for (RunningCall run : running.values()) {
      if (!run.call.caller().equals(io.caller()) && changesItsTarget(run.call) && conflict(io, run.call)) {
        context.probe("storage.refused-busy");
        return io.target() + " is busy with another caller's " + run.call.operation();
      }
    }
    return null;
  }

  /**
   * Two changes of one object (but two exports may overlap), or a delete or resize of an object
   * the other call copies from: a delete must not run under a clone whose caller timed out and
   * released the source's lock (S2).
   */
  private static boolean conflict(IoCall mine, IoCall theirs) {
    boolean bothExports = mine.operation().category() == StorageOperation.Category.EXPORT
        && theirs.operation().category() == StorageOperation.Category.EXPORT;
    return theirs.target().equals(mine.target()) && !bothExports
        || destroys(mine) && mine.target().equals(theirs.source())
        || destroys(theirs) && theirs.target().equals(mine.source());
  }

  private static boolean destroys(IoCall io) {
    StorageOperation.Category category = io.operation().category();
    return category == StorageOperation.Category.DELETE || category == StorageOperation.Category.RESIZE
        || category == StorageOperation.Category.CLEANUP;
  }

  private static boolean changesItsTarget(IoCall io) {
    StorageOperation.Category category = io.operation().category();
    return category != StorageOperation.Category.DATA && category != StorageOperation.Category.ADMIN;
  }

  private void startTimed(Incoming incoming, StorageCall call, IoCall io) {
    if (failsOnArrival(incoming, io, busyWithAnotherCaller(io))) {
      return;
    }
    if (failsOnArrival(incoming, io, effects.begin(call))) {
      return;
    }
    RunningCall run = track(incoming, io, null);
    run.timer = context.setTimer(label(io), drawDurationNanos(io), () -> {
      running.remove(run.sequence);
      ArrayEffects.Result result = effects.finish(call);
      log.end(run.sequence, result.isFailure() ? IoOutcome.FAILED : IoOutcome.COMPLETED, result.detail(), null);
      answer(run, result);
    });
  }

  private void answer(RunningCall run, ArrayEffects.Result result) {
    if (result.isFailure()) {
      context.replyError(run.request, result.failure());
    } else {
      context.reply(run.request, result.answer());
    }
  }

  private void startCopy(Incoming incoming, StorageCall call, IoCall io) {
    if (failsOnArrival(incoming, io, busyWithAnotherCaller(io))) {
      return;
    }
    if (failsOnArrival(incoming, io, CopyRun.refusal(array, call))) {
      return;
    }
    CopyRun copy = CopyRun.start(array, call);
    RunningCall run = track(incoming, io, copy);
    scheduleNextBlock(run, drawDurationNanos(io));
  }

  private void scheduleNextBlock(RunningCall run, long totalNanos) {
    run.timer = context.setTimer(label(run.call) + " block", run.copy.nanosForNextBlock(totalNanos), () -> {
      String broken = run.copy.copyNextBlock();
      if (broken != null) {
        context.probe("storage.copy-broken");
        endCopy(run, ArrayEffects.Result.failed(broken));
      } else if (run.copy.isDone()) {
        String incomplete = run.copy.complete();
        endCopy(run, incomplete == null ? ArrayEffects.Result.done("copied") : ArrayEffects.Result.failed(incomplete));
      } else {
        scheduleNextBlock(run, totalNanos);
      }
    });
  }

  private void endCopy(RunningCall run, ArrayEffects.Result result) {
    running.remove(run.sequence);
    if (result.isFailure()) {
      run.copy.markBroken();
    }
    run.copy.releaseTemporarySnapshot();
    if (run.copy.sawSourceChange()) {
      context.probe("storage.copy-read-changed-source");
    }
    log.end(run.sequence, result.isFailure() ? IoOutcome.FAILED : IoOutcome.COMPLETED, result.detail(),
        run.copy.record());
    answer(run, result);
  }
}
