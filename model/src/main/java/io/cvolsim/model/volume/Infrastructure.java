package io.cvolsim.model.volume;

import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.broker.BrokerClient;
import io.cvolsim.model.capacity.CapacityOptions;
import io.cvolsim.model.config.QuotaKeeping;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.dlm.LockCoordinator;
import io.cvolsim.model.storage.VolumeDriver;
import io.cvolsim.model.api.StatusWriteObserver;
import io.cvolsim.model.broker.BrokerLog;
import io.cvolsim.model.broker.BrokerOptions;
import io.cvolsim.model.dlm.DlmOptions;
import io.cvolsim.model.dlm.LockLog;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.model.storage.DriverOptions;
import io.cvolsim.model.storage.PowerSwitch;
import io.cvolsim.model.workers.WorkerLog;
import io.cvolsim.model.workers.WorkersOptions;

/**
 * What every Cinder service of a deployment shares: where the database, broker and storage are,
 * how the shared components behave (including whether quota usage is kept and the backend's
 * provisioning limit), and the logs and
 * observers the harness reads afterwards.
 */
public record Infrastructure(NodeId database, NodeId broker, NodeId storage, long statementTimeoutNanos,
    BrokerOptions brokerOptions, DlmOptions dlmOptions, DriverOptions driverOptions,
    WorkersOptions workersOptions, BrokerLog brokerLog, LockLog lockLog, WorkerLog workerLog,
    StatusWriteObserver statusWrites, PowerSwitch powerSwitch, ServiceLog serviceLog, QuotaKeeping quota,
    CapacityOptions capacity) {

  /** A connection to the database for one node incarnation. */
  public DbClient dbClient(NodeContext context) {
    return new DbClient(context, database, statementTimeoutNanos);
  }

  /** The node's oslo.messaging client for one incarnation. */
  public BrokerClient brokerClient(NodeContext context) {
    return new BrokerClient(context, broker, brokerOptions, brokerLog);
  }

  /** The node's Tooz coordinator for one incarnation. */
  public LockCoordinator lockCoordinator(NodeContext context) {
    return new LockCoordinator(context, dlmOptions, lockLog);
  }

  /** The node's volume driver, talking to the shared array. */
  public VolumeDriver volumeDriver(NodeContext context) {
    return new VolumeDriver(context, storage, driverOptions);
  }
}
