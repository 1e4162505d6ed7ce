package io.cvolsim.model.db;

/**
 * Told of every row a statement wrote, at the moment the database applied it: for checkers that
 * need the database's own order of writes, which the writers hear of later (or never, if they die
 * first). Must not feed anything back into the protocol.
 */
@FunctionalInterface
public interface RowWriteObserver {
  /** {@code after} is the row as written, or null when it was deleted. */
  void written(Object id, Row after);
}
