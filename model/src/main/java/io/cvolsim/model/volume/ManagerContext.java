package io.cvolsim.model.volume;

import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.model.broker.BrokerClient;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.quota.QuotaUsage;
import io.cvolsim.model.dlm.LockCoordinator;
import io.cvolsim.model.storage.VolumeDriver;
import io.cvolsim.model.workers.WorkerTable;

/** What the manager's operations share within one c-vol incarnation. */
record ManagerContext(NodeContext node, VolumeServiceConfig config, long serviceId, DbClient db,
    WorkerTable workers, LockCoordinator locks, VolumeDriver driver, StatusWriter writer, QuotaUsage quota,
    BrokerClient broker, AllocatedCapacity capacity) {}
