package io.cvolsim.model.volume;

import io.cvolsim.model.config.AttachReuse;
import io.cvolsim.model.config.CapabilityStamping;
import io.cvolsim.model.broker.QueueNames;
import io.cvolsim.model.config.VolumeLock;
import io.cvolsim.model.config.ManagerCompletion;
import io.cvolsim.model.config.StartupCleanup;
import io.cvolsim.model.config.UninitializedDriver;
import io.cvolsim.model.service.ServiceOptions;

/**
 * One c-vol process: its {@code host}, {@code backend} and {@code cluster} options (cluster may be
 * null: not clustered) and how it behaves.
 *
 * @param volumeLock whether create_volume locks its own volume against a concurrent delete
 * @param reinitDriverCount how often a failed driver start is retried (back-off 1, 2, 4 s)
 * @param capabilityReportIntervalNanos how often capabilities are reported to the schedulers
 * @param startupCleanup what a starting node cleans: its workers rows, or (V6) volumes by host
 * @param uninitializedDriver whether a node whose driver never started consumes anyway (S12)
 * @param attachmentRows whether attach and detach keep volume_attachments rows (S14's count half)
 * @param attachReuse which of its host's attachments an attach takes over, with attachment rows
 * @param capabilityStamp whose clock stamps its capability reports (V21)
 */
public record VolumeServiceConfig(String host, String backend, String cluster, ServiceOptions service,
    ManagerCompletion completion, VolumeLock volumeLock, FencingOptions fencing, int reinitDriverCount,
    long capabilityReportIntervalNanos, StartupCleanup startupCleanup, UninitializedDriver uninitializedDriver,
    boolean attachmentRows, AttachReuse attachReuse, CapabilityStamping capabilityStamp) {

  /** Cinder's A/A start-up cleanup (its own workers rows), reports stamped by the process's clock. */
  public VolumeServiceConfig(String host, String backend, String cluster, ServiceOptions service,
      ManagerCompletion completion, VolumeLock volumeLock, FencingOptions fencing, int reinitDriverCount,
      long capabilityReportIntervalNanos) {
    this(host, backend, cluster, service, completion, volumeLock, fencing, reinitDriverCount,
        capabilityReportIntervalNanos, StartupCleanup.WORKERS, UninitializedDriver.CONSUME, false,
        AttachReuse.ATTACHED, CapabilityStamping.VOLUME_SERVICE);
  }

  public VolumeServiceConfig withUninitializedDriver(UninitializedDriver mode) {
    return new VolumeServiceConfig(host, backend, cluster, service, completion, volumeLock, fencing, reinitDriverCount,
        capabilityReportIntervalNanos, startupCleanup, mode, attachmentRows, attachReuse, capabilityStamp);
  }

  /** {@code host@backend}: the services row's host and this node's own queue. */
  public String serviceHost() {
    return QueueNames.serviceHost(host, backend);
  }

  /** {@code cluster@backend}, or null when not clustered. */
  public String clusterName() {
    return cluster == null ? null : QueueNames.clusterName(cluster, backend);
  }

  /** Where new volumes are said to live: {@code host@backend#pool}. */
  public String resourceHost() {
    return QueueNames.appendPool(serviceHost(), QueueNames.DEFAULT_POOL_NAME);
  }
}
