package io.cvolsim.model.db;

import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The row locks transactions hold, per master: Galera does not replicate locks, so two
 * transactions on different masters both hold "the same" lock. A lock is an index range, {@code
 * (table, column = value)}, as InnoDB's next-key locks on an index are: it covers the rows that
 * have the value and the gap where a new one would go.
 */
final class RowLocks {
  /** {@code SELECT ... WHERE column = value FOR UPDATE} locks this. */
  record LockKey(String table, String column, String value) implements Comparable<LockKey> {
    static LockKey of(String table, String column, Object value) {
      return new LockKey(table, column, Table.key(value));
    }

    @Override
    public int compareTo(LockKey other) {
      int byTable = table.compareTo(other.table);
      if (byTable != 0) {
        return byTable;
      }
      int byColumn = column.compareTo(other.column);
      return byColumn != 0 ? byColumn : value.compareTo(other.value);
    }

    /** Whether a write to this row (a row that does not exist yet has only its id) must wait for the lock. */
    boolean covers(WriteScope.Touched row) {
      if ("id".equals(column)) {
        return value.equals(Table.key(row.id()));
      }
      Object columnValue = row.row() == null ? null : row.row().get(column);
      return columnValue != null && value.equals(Table.key(columnValue));
    }
  }

  private final TreeMap<Integer, TreeMap<LockKey, TransactionKey>> byMaster = new TreeMap<>();

  private TreeMap<LockKey, TransactionKey> held(int master) {
    return byMaster.computeIfAbsent(master, ignored -> new TreeMap<>());
  }

  /** Whether a transaction other than {@code self} holds the lock on {@code master}. */
  boolean heldByOther(int master, LockKey key, TransactionKey self) {
    TransactionKey holder = held(master).get(key);
    return holder != null && !holder.equals(self);
  }

  void take(int master, LockKey key, TransactionKey holder) {
    TransactionKey previous = held(master).putIfAbsent(key, holder);
    if (previous != null && !previous.equals(holder)) {
      throw new IllegalStateException(key + " on master " + master + " is held by " + previous + ", not " + holder);
    }
  }

  void release(int master, LockKey key, TransactionKey holder) {
    if (!Objects.equals(held(master).remove(key), holder)) {
      throw new IllegalStateException(holder + " released " + key + " on master " + master + " without holding it");
    }
  }

  /**
   * Whether a write from a connection other than {@code self}'s (null: an autocommit statement)
   * touches a row some other transaction on {@code master} has locked, so that it must wait.
   */
  boolean blocks(int master, DbStatement write, TransactionKey self, Database database) {
    TreeMap<LockKey, TransactionKey> locks = held(master);
    if (locks.isEmpty()) {
      return false;
    }
    List<WriteScope.Touched> touched = WriteScope.touched(database, write);
    for (var lock : locks.entrySet()) {
      if (lock.getKey().table().equals(write.table()) && !lock.getValue().equals(self)
          && touched.stream().anyMatch(row -> lock.getKey().covers(row))) {
        return true;
      }
    }
    return false;
  }
}
