package io.cvolsim.scenarios.properties;

import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DatabaseNode;
import io.cvolsim.model.dlm.CoordinationBackend;
import io.cvolsim.model.dlm.DlmOptions;
import io.cvolsim.model.dlm.EtcdServerNode;
import io.cvolsim.model.dlm.EtcdStore;
import io.cvolsim.model.dlm.LockCoordinator;
import io.cvolsim.model.dlm.LockGrant;
import io.cvolsim.model.dlm.LockHolder;
import io.cvolsim.model.dlm.LockLog;
import java.util.Map;
import java.util.TreeMap;

/**
 * Real lock coordinators on a real etcd server (or node-local file locks), driven at true times:
 * the lock log they write is what the lock properties read. Grants are kept per label so a test
 * can release what it acquired.
 */
final class LockScript {
  static final NodeId SERVER = NodeId.of("dlm");
  static final NodeId DATABASE = NodeId.of("db");

  final TestWorld world = new TestWorld(11);
  final LockLog log = new LockLog(world.simulation::nowNanos, world.simulation::trueTimeOfMonotonic);
  private DlmOptions options;
  private final Map<String, LockCoordinator> coordinators = new TreeMap<>();
  private final Map<String, NodeContext> incarnations = new TreeMap<>();
  private final Map<String, LockGrant> grants = new TreeMap<>();

  LockScript(CoordinationBackend backend, String... nodes) {
    options = DlmOptions.defaults(backend, SERVER, DATABASE);
    world.simulation.addNode(DATABASE, context -> new DatabaseNode(context, new Database()));
    EtcdStore etcd = new EtcdStore();
    world.simulation.addNode(SERVER, context -> new EtcdServerNode(context, etcd, log));
    for (String node : nodes) {
      world.passiveNode(node);
    }
  }

  /** Every holder gives a lock up once its clock says the lease, less {@code clockErrorPpm}, ran out. */
  LockScript leaseAware(long clockErrorPpm) {
    options = options.withHolder(LockHolder.LEASE_AWARE, clockErrorPpm);
    return this;
  }

  private LockCoordinator coordinator(String node) {
    // One coordinator per incarnation: a restarted node starts with an empty one.
    if (incarnations.get(node) != world.context(node)) {
      incarnations.put(node, world.context(node));
      coordinators.put(node, new LockCoordinator(world.context(node), options, log));
    }
    return coordinators.get(node);
  }

  /** {@code node} acquires {@code lock} at {@code trueNanos}, waiting as long as it takes. */
  LockScript acquireAt(long trueNanos, String node, String lock) {
    world.at(trueNanos, node + " acquires " + lock, () -> coordinator(node).acquire(lock)
        .whenComplete(outcome -> {
      if (outcome instanceof Outcome.Success<LockGrant> granted) {
        grants.put(node + " " + lock, granted.value());
      }
    }));
    return this;
  }

  /** {@code node} releases what it was granted of {@code lock}, at {@code trueNanos}. */
  LockScript releaseAt(long trueNanos, String node, String lock) {
    world.at(trueNanos, node + " releases " + lock,
        () -> coordinator(node).release(grants.get(node + " " + lock)));
    return this;
  }

  LockScript pauseBetween(String node, long fromNanos, long untilNanos) {
    world.at(fromNanos, "pause " + node, () -> world.simulation.pause(NodeId.of(node)));
    world.at(untilNanos, "resume " + node, () -> world.simulation.resume(NodeId.of(node)));
    return this;
  }

  /** Crashes {@code node}; file locks are freed by the operating system, so the log says so. */
  LockScript crashAt(long trueNanos, String node) {
    world.at(trueNanos, "crash " + node, () -> {
      world.simulation.crash(NodeId.of(node));
      if (options.backend().freedAtProcessDeath()) {
        log.recordProcessDeath(NodeId.of(node));
      }
    });
    return this;
  }

  LockScript run(long untilNanos) {
    world.runUntil(untilNanos);
    return this;
  }
}
