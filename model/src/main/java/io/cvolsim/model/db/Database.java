package io.cvolsim.model.db;

import io.cvolsim.kernel.api.Ratio;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cinder's database: the single source of truth. It is durable state owned by the deployment
 * and served by {@link DatabaseNode}; every statement runs atomically, so a conditional update
 * is a true compare-and-swap (reference §3).
 */
public final class Database implements Condition.RowSource {
  public static final String VOLUMES = "volumes";
  public static final String SNAPSHOTS = "snapshots";
  public static final String ATTACHMENTS = "volume_attachments";
  public static final String QUOTA_USAGES = "quota_usages";
  public static final String SERVICES = "services";
  public static final String CLUSTERS = "clusters";
  public static final String WORKERS = "workers";

  private final TreeMap<String, Table> tables = new TreeMap<>();
  private final TreeMap<String, List<RowWriteObserver>> writeObservers = new TreeMap<>();
  private long statementCount;
  private long nowNanos;
  /** How often a write is aborted as a deadlock victim (a fault the harness turns on and off). */
  private Ratio deadlockRatio = Ratio.ZERO;

  public Database() {
    add(new Table(VOLUMES, List.of()));
    add(new Table(SNAPSHOTS, List.of()));
    add(new Table(ATTACHMENTS, List.of()));
    add(new Table(QUOTA_USAGES, List.of()));
    add(new Table(SERVICES, List.of("host", "binary")));
    add(new Table(CLUSTERS, List.of("name", "binary", "race_preventer")));
    add(new Table(WORKERS, List.of("resource_type", "resource_id")));
  }

  private void add(Table table) {
    tables.put(table.name(), table);
  }

  /** Tells {@code observer} of every write to {@code table}, as it is applied. */
  public void observeWrites(String table, RowWriteObserver observer) {
    writeObservers.computeIfAbsent(table(table).name(), ignored -> new ArrayList<>()).add(observer);
  }

  private void written(Table table, Object id, Row after) {
    writeObservers.getOrDefault(table.name(), List.of()).forEach(observer -> observer.written(id, after));
  }

  public Table table(String name) {
    Table table = tables.get(name);
    if (table == null) {
      throw new IllegalArgumentException("no table " + name);
    }
    return table;
  }

  @Override
  public List<Row> rows(String table) {
    return table(table).rows();
  }

  public long statementCount() {
    return statementCount;
  }

  /** Runs one statement atomically at the database server's time {@code serverNowNanos}. */
  public DbResult execute(DbStatement statement, long serverNowNanos) {
    nowNanos = serverNowNanos;
    return execute(statement);
  }

  /** Multi-master databases (Galera) abort some writes as deadlock victims; the fault sets how many. */
  public void setDeadlockRatio(Ratio ratio) {
    this.deadlockRatio = ratio;
  }

  public Ratio deadlockRatio() {
    return deadlockRatio;
  }

  @Override
  public long databaseNowNanos() {
    return nowNanos;
  }

  /**
   * Runs one statement atomically and returns its result. Transaction statements need a server
   * ({@link DatabaseNode}) to hold their locks and are refused here.
   */
  public DbResult execute(DbStatement statement) {
    if (statement instanceof DbStatement.LockingSelect || statement instanceof DbStatement.Commit
        || statement instanceof DbStatement.Rollback) {
      throw new IllegalArgumentException("a transaction statement needs the database server: " + statement);
    }
    statementCount++;
    if (statement instanceof DbStatement.CurrentTime) {
      return new DbResult.Time(nowNanos);
    }
    Table table = table(statement.table());
    if (statement instanceof DbStatement.Insert insert) {
      Row inserted = table.insert(insert.row());
      if (inserted != null) {
        written(table, inserted.get("id"), inserted);
      }
      return inserted == null ? new DbResult.Count(0) : new DbResult.Rows(List.of(inserted));
    }
    if (statement instanceof DbStatement.Select select) {
      return new DbResult.Rows(matching(table, select.where()));
    }
    if (statement instanceof DbStatement.Update update) {
      return new DbResult.Count(update(table, update));
    }
    DbStatement.Delete delete = (DbStatement.Delete) statement;
    List<Row> doomed = matching(table, delete.where());
    doomed.forEach(row -> {
      table.remove(row.get("id"));
      written(table, row.get("id"), null);
    });
    return new DbResult.Count(doomed.size());
  }

  /** The rows of {@code table} that {@code where} matches now, in key order. */
  List<Row> rowsMatching(String table, Condition where) {
    return matching(table(table), where);
  }

  private List<Row> matching(Table table, Condition where) {
    List<Row> result = new ArrayList<>();
    for (Row row : table.rows()) {
      if (where.matches(row, this)) {
        result.add(row);
      }
    }
    return result;
  }

  private int update(Table table, DbStatement.Update update) {
    List<Row> targets = matching(table, update.where());
    for (Row before : targets) {
      Map<String, Object> changes = new LinkedHashMap<>();
      for (Assignment assignment : update.values()) {
        changes.put(assignment.column(), assignment.valueFor(before, this));
      }
      Row after = before.with(changes);
      table.replace(after);
      written(table, after.get("id"), after);
    }
    return targets.size();
  }

  /** A copy of every table's rows, for checkers reading the database at the end of a run. */
  public Map<String, List<Row>> snapshot() {
    Map<String, List<Row>> copy = new TreeMap<>();
    tables.forEach((name, table) -> copy.put(name, table.rows()));
    return copy;
  }
}
