package io.cvolsim.model.db;

import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeContext;

/** The database server: runs each statement it receives atomically and answers it. */
public final class DatabaseNode implements Node {
  private final NodeContext context;
  private final Database database;

  public DatabaseNode(NodeContext context, Database database) {
    this.context = context;
    this.database = database;
  }

  @Override
  public void start() {
    // The tables are durable; nothing to rebuild.
  }

  @Override
  public void onMessage(Incoming incoming) {
    if (!(incoming.message() instanceof DbStatement statement) || !incoming.expectsReply()) {
      throw new IllegalStateException("the database only answers statements: " + incoming.message());
    }
    if (isWrite(statement) && !database.deadlockRatio().isZero()
        && context.choices().chance("db.deadlock", database.deadlockRatio())) {
      context.probe("db.deadlock-injected");
      context.replyError(incoming, DbClient.DEADLOCK + ": the statement was chosen as a deadlock victim");
      return;
    }
    context.reply(incoming, database.execute(statement, context.localTimeNanos()));
  }

  private static boolean isWrite(DbStatement statement) {
    return statement instanceof DbStatement.Update || statement instanceof DbStatement.Insert
        || statement instanceof DbStatement.Delete;
  }
}
