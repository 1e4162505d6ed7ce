package io.cvolsim.model.db;

import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeContext;

/**
 * The database server: runs each statement it receives atomically and answers it. Transactions
 * (row locks, statements waiting for them) and multi-master certification live in
 * {@link TransactionServer}; a restart loses them, as a server restart rolls back every open
 * transaction.
 */
public final class DatabaseNode implements Node {
  private final NodeContext context;
  private final Database database;
  private final TransactionServer server;

  public DatabaseNode(NodeContext context, Database database) {
    this(context, database, DatabaseOptions.singleMaster());
  }

  public DatabaseNode(NodeContext context, Database database, DatabaseOptions options) {
    this.context = context;
    this.database = database;
    this.server = new TransactionServer(context, database, options);
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
    if (DbStatement.isWrite(statement) && !database.deadlockRatio().isZero()
        && context.choices().chance("db.deadlock", database.deadlockRatio())) {
      context.probe("db.deadlock-injected");
      server.abortedAsDeadlockVictim(incoming, statement);
      context.replyError(incoming, DbClient.DEADLOCK + ": the statement was chosen as a deadlock victim");
      return;
    }
    server.serve(incoming, statement);
  }
}
