package io.cvolsim.scenarios.properties;

import io.cvolsim.checker.history.History;
import io.cvolsim.checker.history.HistoryFormatException;
import io.cvolsim.checker.history.Operation;
import io.cvolsim.model.broker.BrokerLog;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.dlm.LockLog;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.model.storage.StorageIoLog;
import io.cvolsim.model.workers.WorkerLog;
import io.cvolsim.reports.PropertyStatus;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Run artifacts for tests: every log empty unless a test hands in one a small world wrote. */
final class TestArtifacts {
  History history = history();
  final SortedMap<String, List<Row>> database = new TreeMap<>();
  StorageIoLog storage = new StorageIoLog(() -> 0);
  LockLog locks = new LockLog(() -> 0);
  WorkerLog workers = new WorkerLog(() -> 0);
  BrokerLog broker = new BrokerLog(() -> 0);
  ServiceLog services = new ServiceLog(() -> 0);
  final Map<String, Long> fencedNodes = new TreeMap<>();

  static History history(Operation... events) {
    try {
      return History.of(List.of(events));
    } catch (HistoryFormatException e) {
      throw new AssertionError(e);
    }
  }

  TestArtifacts table(String name, Row... rows) {
    database.put(name, List.of(rows));
    return this;
  }

  TestArtifacts withStorage(StorageIoLog log) {
    storage = log;
    return this;
  }

  /** The status of one reachability goal on these artifacts. */
  PropertyStatus goal(String name) {
    return ReachabilityGoals.check(build()).stream().filter(goal -> goal.name().equals(name)).findFirst()
        .orElseThrow().status();
  }

  RunArtifacts build() {
    return new RunArtifacts(history, database, storage, locks, workers, broker, 0, 0, fencedNodes,
        new TreeMap<>(), new TreeMap<>(), services, 1, 1);
  }
}
