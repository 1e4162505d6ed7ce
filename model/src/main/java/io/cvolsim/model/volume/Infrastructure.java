package io.cvolsim.model.volume;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.api.StatusWriteObserver;
import io.cvolsim.model.broker.BrokerLog;
import io.cvolsim.model.broker.BrokerOptions;
import io.cvolsim.model.dlm.DlmOptions;
import io.cvolsim.model.dlm.LockLog;
import io.cvolsim.model.storage.DriverOptions;
import io.cvolsim.model.storage.PowerSwitch;
import io.cvolsim.model.workers.WorkerLog;
import io.cvolsim.model.workers.WorkersOptions;

/**
 * What every Cinder service of a deployment shares: where the database, broker and storage are,
 * how the shared components behave, and the logs and observers the harness reads afterwards.
 */
public record Infrastructure(NodeId database, NodeId broker, NodeId storage, long statementTimeoutNanos,
    BrokerOptions brokerOptions, DlmOptions dlmOptions, DriverOptions driverOptions,
    WorkersOptions workersOptions, BrokerLog brokerLog, LockLog lockLog, WorkerLog workerLog,
    StatusWriteObserver statusWrites, PowerSwitch powerSwitch) {}
