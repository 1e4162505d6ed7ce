package io.cvolsim.model.workers;

import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.db.DbClient;

/** Now, on the clock {@link WorkersOptions#clock()} names: for stamping rows and bounding cleanups. */
final class WorkerStamps {
  private final NodeContext context;
  private final DbClient db;
  private final WorkersOptions options;

  WorkerStamps(NodeContext context, DbClient db, WorkersOptions options) {
    this.context = context;
    this.db = db;
    this.options = options;
  }

  SimFuture<Long> now() {
    return options.clock().now(context, db);
  }

  /** Now as the database stores a workers timestamp: truncated to its granularity. */
  SimFuture<Long> stamp() {
    return now().map(options::stored);
  }
}
