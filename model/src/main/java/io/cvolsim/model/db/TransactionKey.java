package io.cvolsim.model.db;

import io.cvolsim.kernel.api.NodeId;

/** A transaction as the server knows it: the client node and the client's own id for it. */
record TransactionKey(NodeId client, TransactionId id) implements Comparable<TransactionKey> {
  @Override
  public int compareTo(TransactionKey other) {
    int byClient = client.compareTo(other.client);
    return byClient != 0 ? byClient : id.compareTo(other.id);
  }

  @Override
  public String toString() {
    return client + "/" + id;
  }
}
