package io.cvolsim.model.db;

/**
 * A client's transaction as its statements name it: the connection pool that opened it (when
 * the pool was made, on the client's clock, so a restarted process never reuses an earlier
 * incarnation's numbers) and the pool's count of transactions. The server keys it by the client
 * node as well.
 */
public record TransactionId(long poolStartedNanos, long number) implements Comparable<TransactionId> {
  @Override
  public int compareTo(TransactionId other) {
    int byPool = Long.compare(poolStartedNanos, other.poolStartedNanos);
    return byPool != 0 ? byPool : Long.compare(number, other.number);
  }

  @Override
  public String toString() {
    return "tx" + number + "@" + poolStartedNanos;
  }
}
