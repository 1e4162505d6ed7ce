package io.cvolsim.model.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which rows a write reaches: the rows it must lock (so it waits for another transaction's row
 * lock) and the keys Galera certifies it on.
 */
final class WriteScope {
  private WriteScope() {}

  /** A row a write reaches; {@code row} is null when no row has the id (yet). */
  record Touched(Object id, Row row) {}

  /** A row's primary key in one table. */
  record RowKey(String table, String id) implements Comparable<RowKey> {
    @Override
    public int compareTo(RowKey other) {
      int byTable = table.compareTo(other.table);
      return byTable != 0 ? byTable : id.compareTo(other.id);
    }
  }

  /**
   * A certification key: an exclusive key for a row the write changes, a shared one for the
   * parent row a foreign key references (Galera appends FK parents as shared keys, so a child
   * inserted on one master conflicts with its parent changed on another).
   */
  record WriteKey(RowKey row, boolean exclusive) {}

  private record ForeignKey(String table, String column, String parentTable) {}

  private static final List<ForeignKey> FOREIGN_KEYS = List.of(
      new ForeignKey(Database.SNAPSHOTS, "volume_id", Database.VOLUMES),
      new ForeignKey(Database.ATTACHMENTS, "volume_id", Database.VOLUMES));

  /**
   * The rows a write locks as InnoDB would: a lookup by primary key reaches the rows with those
   * ids whatever the rest of the condition says (so a CAS waits even when it will not match);
   * any other condition reaches the rows it matches now.
   */
  static List<Touched> touched(Database database, DbStatement write) {
    if (write instanceof DbStatement.Insert insert) {
      return List.of(new Touched(insert.row().get("id"), insert.row()));
    }
    Condition where = write instanceof DbStatement.Update update ? update.where() : ((DbStatement.Delete) write).where();
    Optional<List<Object>> ids = idsOf(where);
    List<Touched> touched = new ArrayList<>();
    if (ids.isPresent()) {
      Table table = database.table(write.table());
      ids.get().forEach(id -> touched.add(new Touched(id, id == null ? null : table.get(id))));
    } else {
      database.rowsMatching(write.table(), where).forEach(row -> touched.add(new Touched(row.get("id"), row)));
    }
    return touched;
  }

  /** The ids an {@code id = ?} or {@code id IN (...)} part of the condition names, if it has one. */
  private static Optional<List<Object>> idsOf(Condition where) {
    if (where instanceof Condition.In in && "id".equals(in.column())) {
      return Optional.of(in.values());
    }
    if (where instanceof Condition.All all) {
      for (Condition part : all.parts()) {
        Optional<List<Object>> ids = idsOf(part);
        if (ids.isPresent()) {
          return ids;
        }
      }
    }
    return Optional.empty();
  }

  /** The certification keys of the rows a write changes, evaluated on the rows as they are now. */
  static List<WriteKey> writeKeys(Database database, DbStatement write) {
    List<Row> changed = new ArrayList<>();
    if (write instanceof DbStatement.Insert insert) {
      changed.add(insert.row());
    } else {
      Condition where = write instanceof DbStatement.Update update ? update.where() : ((DbStatement.Delete) write).where();
      changed.addAll(database.rowsMatching(write.table(), where));
    }
    List<WriteKey> keys = new ArrayList<>();
    for (Row row : changed) {
      if (row.get("id") != null) {
        keys.add(new WriteKey(new RowKey(write.table(), Table.key(row.get("id"))), true));
      }
      for (ForeignKey foreignKey : FOREIGN_KEYS) {
        Object parent = row.get(foreignKey.column());
        if (foreignKey.table().equals(write.table()) && parent != null) {
          keys.add(new WriteKey(new RowKey(foreignKey.parentTable(), Table.key(parent)), false));
        }
      }
    }
    return keys;
  }
}
