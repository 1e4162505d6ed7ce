package io.cvolsim.model.dlm;

import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeContext;

/**
 * The ZooKeeper server: sessions renewed by every request and ping, and kazoo's lock recipe as
 * lines of ephemeral sequential nodes. When a session expires on the server's clock its nodes
 * are deleted, so the next in line gets the lock; the old holder hears of it only when it next
 * talks to the server (reference §7.4).
 */
public final class ZooKeeperServerNode implements Node {
  private final NodeContext context;
  private final ZooKeeperStore store;
  private final LockLog lockLog;
  private final ExpiryTimers sessionTimers;

  public ZooKeeperServerNode(NodeContext context, ZooKeeperStore store, LockLog lockLog) {
    this.context = context;
    this.store = store;
    this.lockLog = lockLog;
    this.sessionTimers = new ExpiryTimers(context, "zookeeper.session-check",
        store.sessions()::deadlineNanosOf, this::expire);
  }

  /** A restarted server gives every surviving session a fresh timeout, as a new leader does. */
  @Override
  public void start() {
    Leases sessions = store.sessions();
    for (long sessionId : sessions.ids()) {
      sessions.renew(sessionId, context.localTimeNanos());
      sessionTimers.arm(sessionId, sessions.get(sessionId).ttlNanos());
    }
  }

  @Override
  public void onMessage(Incoming incoming) {
    if (!(incoming.message() instanceof ZooKeeperMessage message) || !incoming.expectsReply()) {
      throw new IllegalStateException("ZooKeeper only answers its requests: " + incoming.message());
    }
    if (message instanceof ZooKeeperMessage.CreateSession create) {
      long sessionId = store.createSession(incoming.from(), create.timeoutNanos(), context.localTimeNanos());
      sessionTimers.arm(sessionId, create.timeoutNanos());
      context.reply(incoming, new ZooKeeperMessage.SessionCreated(sessionId, create.timeoutNanos()));
      return;
    }
    if (!store.sessions().renew(sessionOf(message), context.localTimeNanos())) {
      context.probe("dlm.zookeeper-request-on-expired-session");
      context.replyError(incoming, ZooKeeperMessage.SESSION_EXPIRED);
      return;
    }
    ZooKeeperMessage answer = answer(message);
    if (answer == null) {
      context.replyError(incoming, ZooKeeperMessage.NO_NODE);
    } else {
      context.reply(incoming, answer);
    }
  }

  private static long sessionOf(ZooKeeperMessage message) {
    if (message instanceof ZooKeeperMessage.Ping ping) {
      return ping.sessionId();
    }
    if (message instanceof ZooKeeperMessage.VolumeLockNode create) {
      return create.sessionId();
    }
    if (message instanceof ZooKeeperMessage.CheckTurn check) {
      return check.sessionId();
    }
    if (message instanceof ZooKeeperMessage.DeleteLockNode delete) {
      return delete.sessionId();
    }
    if (message instanceof ZooKeeperMessage.ListHeld list) {
      return list.sessionId();
    }
    throw new IllegalStateException("not a session request: " + message);
  }

  /** The answer to a request on a live session, or null when the node it names is gone. */
  private ZooKeeperMessage answer(ZooKeeperMessage message) {
    if (message instanceof ZooKeeperMessage.Ping ping) {
      return new ZooKeeperMessage.Pong(ping.sessionId());
    }
    if (message instanceof ZooKeeperMessage.VolumeLockNode create) {
      long sequence = store.volumeLockNode(create.lockName(), create.sessionId());
      long zxid = store.lockNode(create.lockName(), sequence).zxid();
      boolean first = store.reportTurn(create.lockName(), sequence);
      return new ZooKeeperMessage.LockNodeCreated(create.lockName(), sequence, zxid, first);
    }
    if (message instanceof ZooKeeperMessage.CheckTurn check) {
      boolean exists = store.lockNode(check.lockName(), check.sequence()) != null;
      return exists
          ? new ZooKeeperMessage.Turn(check.lockName(), check.sequence(),
              store.reportTurn(check.lockName(), check.sequence()))
          : null;
    }
    if (message instanceof ZooKeeperMessage.ListHeld list) {
      return new ZooKeeperMessage.HeldNames(store.heldNamesStartingWith(list.prefix()));
    }
    ZooKeeperMessage.DeleteLockNode delete = (ZooKeeperMessage.DeleteLockNode) message;
    boolean existed = store.deleteLockNode(delete.lockName(), delete.sequence());
    return new ZooKeeperMessage.Deleted(delete.lockName(), delete.sequence(), existed);
  }

  /** The session timed out: its ephemeral lock nodes go, and the next in line may take over. */
  private void expire(long sessionId) {
    context.probe("dlm.zookeeper-session-expired");
    for (ZooKeeperStore.Removed removed : store.expireSession(sessionId)) {
      if (removed.node().turnReported()) {
        context.probe("dlm.zookeeper-lock-lost-with-session");
        lockLog.record(LockEvent.Kind.EXPIRED, removed.lockName(), removed.node().owner(),
            removed.node().zxid(), LockEvent.NO_OPERATION, "session " + sessionId + " expired");
      }
    }
  }
}
