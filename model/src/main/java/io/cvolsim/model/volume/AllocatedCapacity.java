package io.cvolsim.model.volume;

import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.capacity.CapacityLog;
import io.cvolsim.model.capacity.CapacityOptions;
import io.cvolsim.model.config.CapacityCounting;
import io.cvolsim.model.db.Condition;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.broker.QueueNames;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One c-vol process's allocated_capacity_gb (S13's capacity half): the counter Cinder's manager
 * keeps in memory, or (counting=database) the backend's volumes summed from the database for each
 * report. Does nothing, and sends and draws nothing, while the provisioning limit is off.
 */
final class AllocatedCapacity {
  private final CapacityOptions options;
  private final CapacityLog log;
  private final DbClient db;
  private final VolumeServiceConfig config;
  private final String node;
  /** Creates this process started and has not finished: only those are counted back. */
  private final SortedSet<String> running = new TreeSet<>();
  private long allocatedGb;

  AllocatedCapacity(CapacityOptions options, CapacityLog log, DbClient db, VolumeServiceConfig config, String node) {
    this.options = options;
    this.log = log;
    this.db = db;
    this.config = config;
    this.node = node;
  }

  /** The backend the schedulers know this node's capacity by: its cluster, else its host. */
  String backend() {
    return config.clusterName() != null ? config.clusterName() : config.serviceHost();
  }

  /** init_host: the counter starts from the available and in-use volumes of the node's cluster. */
  SimFuture<Void> recount() {
    if (!options.isLimited() || options.counting() == CapacityCounting.DATABASE) {
      return SimFuture.succeeded(null);
    }
    return db.select(Database.VOLUMES, Condition.all(mine(), Condition.eq("deleted", false),
        Condition.in("status", "available", "in-use"))).map(volumes -> {
          allocatedGb = sizes(volumes);
          return null;
        });
  }

  void createStarted(String volumeId, long sizeGb) {
    if (!options.isLimited()) {
      return;
    }
    log.createStarted(node, backend(), volumeId, sizeGb);
    running.add(volumeId);
    if (options.counting() == CapacityCounting.AT_START) {
      allocatedGb += sizeGb;
    }
  }

  /** The create ended: counted now before the #1751057 fix; a failure gives nothing back in Cinder. */
  void createFinished(String volumeId, long sizeGb, boolean created) {
    if (!running.remove(volumeId)) {
      return;
    }
    log.createEnded(node, volumeId, created);
    if (created && options.counting() == CapacityCounting.AT_FINISH) {
      allocatedGb += sizeGb;
    }
    if (!created) {
      log.released(node, volumeId, "create failed");
    }
  }

  /** The create goes back to the scheduler: Cinder takes back what it counted at the start. */
  void rescheduled(String volumeId, long sizeGb) {
    if (!running.remove(volumeId)) {
      return;
    }
    log.released(node, volumeId, "rescheduled");
    if (options.counting() == CapacityCounting.AT_START) {
      allocatedGb -= sizeGb;
    }
  }

  void deleted(String volumeId, long sizeGb) {
    if (!options.isLimited()) {
      return;
    }
    log.released(node, volumeId, "deleted");
    allocatedGb -= sizeGb;
  }

  void extended(long addedGb) {
    if (options.isLimited()) {
      allocatedGb += addedGb;
    }
  }

  /** The free capacity the next report says: from the counter, or summed from the database. */
  SimFuture<Long> freeForReport() {
    if (!options.isLimited()) {
      return SimFuture.succeeded(CapacityOptions.UNLIMITED_REPORTED_FREE_GB);
    }
    log.counting(node);
    if (options.counting() != CapacityCounting.DATABASE) {
      return SimFuture.succeeded(options.limitGb() - allocatedGb);
    }
    return db.select(Database.VOLUMES, Condition.all(mine(), Condition.eq("deleted", false)))
        .map(volumes -> options.limitGb() - sizes(volumes));
  }

  private Condition mine() {
    if (config.clusterName() != null) {
      return Condition.in("cluster_name", config.clusterName(),
          QueueNames.appendPool(config.clusterName(), QueueNames.DEFAULT_POOL_NAME));
    }
    return Condition.in("host", config.serviceHost(), config.resourceHost());
  }

  private static long sizes(List<Row> volumes) {
    return volumes.stream().mapToLong(volume -> volume.longValue("size", 0)).sum();
  }
}
