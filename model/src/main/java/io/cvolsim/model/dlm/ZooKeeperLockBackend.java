package io.cvolsim.model.dlm;

import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.SimFuture;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The client half of Tooz's ZooKeeper driver over kazoo: one session per process, kept alive by
 * pings; a lock is an ephemeral sequential node, held while it is first in line. The client
 * learns that its session expired, and with it its locks, only when the server next refuses one
 * of its requests; until then it believes it holds them (reference §7.4).
 */
final class ZooKeeperLockBackend implements LockBackend {
  /** A place in a lock's line on one session; {@code zxid} created it and is the token. */
  private record LockNode(long sessionId, String lockName, long sequence, long zxid) implements Queued {}

  private final NodeContext context;
  private final DlmOptions options;
  private final Map<Long, LockNode> held = new TreeMap<>();
  /** By session: the send time of the last request the server answered on it. */
  private final Map<Long, Long> confirmedAtBySession = new TreeMap<>();
  private long sessionId;
  private SimFuture<Long> connecting;

  private final Runnable sessionConfirmed;

  /** {@code sessionConfirmed} runs whenever the server answered a request on a session. */
  ZooKeeperLockBackend(NodeContext context, DlmOptions options, Runnable sessionConfirmed) {
    this.context = context;
    this.options = options;
    this.sessionConfirmed = sessionConfirmed;
  }

  /** A request on {@code session}; a refusal for an expired session ends that session here. */
  private <R extends ZooKeeperMessage> SimFuture<R> call(long session, ZooKeeperMessage request,
      Class<R> answerType) {
    long sentAtNanos = context.monotonicNanos();
    SimFuture<R> answer = context.call(options.coordinationServer(), request, answerType,
        options.requestTimeoutNanos());
    answer.whenComplete(outcome -> {
      if (outcome instanceof Outcome.Failed<R> failed && isSessionExpired(failed.failure())) {
        sessionLost(session);
      } else if (outcome instanceof Outcome.Success<R>) {
        confirmedAtBySession.merge(session, sentAtNanos, Math::max);
        sessionConfirmed.run();
      }
    });
    return answer;
  }

  private static boolean isSessionExpired(Failure failure) {
    return failure instanceof Failure.Error error && ZooKeeperMessage.SESSION_EXPIRED.equals(error.reason());
  }

  /** The session, connecting first if there is none (kazoo opens a new one after a loss). */
  private SimFuture<Long> session() {
    if (sessionId != 0) {
      return SimFuture.succeeded(sessionId);
    }
    if (connecting == null) {
      long askedAtNanos = context.monotonicNanos();
      connecting = context.call(options.coordinationServer(),
              new ZooKeeperMessage.CreateSession(options.leaseNanos()), ZooKeeperMessage.SessionCreated.class,
              options.requestTimeoutNanos())
          .map(created -> {
            sessionId = created.sessionId();
            confirmedAtBySession.put(sessionId, askedAtNanos);
            schedulePing(sessionId);
            return sessionId;
          });
      connecting.whenComplete(outcome -> connecting = null);
    }
    return connecting;
  }

  private void schedulePing(long session) {
    context.setTimer("dlm.zookeeper-ping", options.zooKeeperPingIntervalNanos(), () -> {
      if (session == sessionId) {
        // A lost ping is a suspended connection: kazoo keeps trying until the server answers.
        call(session, new ZooKeeperMessage.Ping(session), ZooKeeperMessage.Pong.class);
        schedulePing(session);
      }
    });
  }

  private void sessionLost(long session) {
    if (session != sessionId) {
      return;
    }
    boolean holding = held.values().stream().anyMatch(node -> node.sessionId() == session);
    if (holding) {
      context.probe("dlm.zookeeper-session-lost-under-holder");
      context.probe("dlm.lease-expired-under-holder");
    }
    context.log("zookeeper session " + session + " expired" + (holding ? " while holding locks" : ""));
    sessionId = 0;
  }

  @Override
  public SimFuture<Attempt> tryAcquire(String name, Queued queued) {
    if (queued instanceof LockNode node) {
      return call(node.sessionId(), new ZooKeeperMessage.CheckTurn(node.sessionId(), name, node.sequence()),
          ZooKeeperMessage.Turn.class).map(turn -> turn.first() ? granted(node) : new Busy(node));
    }
    return session().flatMap(session -> call(session, new ZooKeeperMessage.VolumeLockNode(session, name),
            ZooKeeperMessage.LockNodeCreated.class)
        .map(created -> {
          LockNode node = new LockNode(session, name, created.sequence(), created.zxid());
          return created.first() ? granted(node) : new Busy(node);
        }));
  }

  private Attempt granted(LockNode node) {
    held.put(node.zxid(), node);
    return new Granted(node.zxid());
  }

  @Override
  public long leaseConfirmedAtNanos(long token) {
    LockNode node = held.get(token);
    return node == null ? NO_LEASE : confirmedAtBySession.getOrDefault(node.sessionId(), NO_LEASE);
  }

  @Override
  public SimFuture<List<String>> heldNamesStartingWith(String prefix) {
    return session().flatMap(session -> call(session, new ZooKeeperMessage.ListHeld(session, prefix),
        ZooKeeperMessage.HeldNames.class)).map(ZooKeeperMessage.HeldNames::lockNames);
  }

  @Override
  public void abandon(String name, Queued queued) {
    if (queued instanceof LockNode node) {
      call(node.sessionId(), new ZooKeeperMessage.DeleteLockNode(node.sessionId(), name, node.sequence()),
          ZooKeeperMessage.Deleted.class);
    }
  }

  /**
   * Deletes the lock node on the current session (a node path is unique, so this never touches
   * another holder's node). After a session loss the node is already gone: kazoo ignores the
   * missing node, and the release reports that nothing was held.
   */
  @Override
  public SimFuture<ReleaseOutcome> release(LockGrant grant) {
    LockNode node = held.remove(grant.token());
    if (node == null) {
      return SimFuture.succeeded(ReleaseOutcome.NOT_HELD);
    }
    SimFuture<ReleaseOutcome> outcome = SimFuture.pending();
    session()
        .flatMap(session -> call(session,
            new ZooKeeperMessage.DeleteLockNode(session, node.lockName(), node.sequence()),
            ZooKeeperMessage.Deleted.class))
        .whenComplete(answer -> outcome.complete(afterDelete(answer)));
    return outcome;
  }

  private ReleaseOutcome afterDelete(Outcome<ZooKeeperMessage.Deleted> answer) {
    if (!(answer instanceof Outcome.Success<ZooKeeperMessage.Deleted> success)) {
      return ReleaseOutcome.UNREACHABLE;
    }
    if (!success.value().existed()) {
      context.probe("dlm.zookeeper-release-after-session-loss");
      return ReleaseOutcome.NOT_HELD;
    }
    return ReleaseOutcome.RELEASED;
  }
}
