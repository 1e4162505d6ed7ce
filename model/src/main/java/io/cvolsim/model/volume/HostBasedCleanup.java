package io.cvolsim.model.volume;

import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.broker.HostLevel;
import io.cvolsim.model.broker.QueueNames;
import io.cvolsim.model.db.Condition;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import java.util.List;

/**
 * The start-up cleanup before A/A (variant V6, reference §5.1): every volume in creating or
 * deleting whose host is this node's {@code host@backend} is taken to be this node's crashed
 * work: creating becomes error, deleting is deleted again. Nothing checks whether someone else
 * is working on it right now.
 */
final class HostBasedCleanup {
  private final ManagerContext manager;

  HostBasedCleanup(ManagerContext manager) {
    this.manager = manager;
  }

  SimFuture<Void> run() {
    return manager.db().select(Database.VOLUMES, Condition.all(Condition.in("status", "creating", "deleting"),
            Condition.eq("deleted", false)))
        .flatMap(this::cleanMine);
  }

  private SimFuture<Void> cleanMine(List<Row> volumes) {
    SimFuture<Void> chain = SimFuture.succeeded(null);
    for (Row volume : volumes) {
      Object host = volume.get("host");
      if (host == null || !QueueNames.extractHost((String) host, HostLevel.BACKEND)
          .equals(manager.config().serviceHost())) {
        continue;
      }
      manager.node().probe("volume.host-based-cleanup");
      String id = volume.string("id");
      chain = chain.flatMap(ignored -> "creating".equals(volume.get("status"))
          ? manager.writer().save(Database.VOLUMES, id, Row.values("status", "error")).map(saved -> null)
          : new VolumeOperations(manager).delete(id, null).thenHandle(outcome -> SimFuture.succeeded(null)));
    }
    return chain;
  }
}
