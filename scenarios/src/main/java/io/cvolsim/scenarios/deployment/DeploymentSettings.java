package io.cvolsim.scenarios.deployment;

import static io.cvolsim.scenarios.config.VariantKeys.BROKER_ACK;
import static io.cvolsim.scenarios.config.VariantKeys.CLEANUP_CLAIM;
import static io.cvolsim.scenarios.config.VariantKeys.COORDINATION_BACKEND;
import static io.cvolsim.scenarios.config.VariantKeys.COORDINATION_LEASE;
import static io.cvolsim.scenarios.config.VariantKeys.FENCING;
import static io.cvolsim.scenarios.config.VariantKeys.FENCING_SELF_TIMEOUT;
import static io.cvolsim.scenarios.config.VariantKeys.FENCING_STONITH_DELAY;
import static io.cvolsim.scenarios.config.VariantKeys.HEARTBEAT_MODE;
import static io.cvolsim.scenarios.config.VariantKeys.LOCK_ORDER;
import static io.cvolsim.scenarios.config.VariantKeys.REPORT_INTERVAL;
import static io.cvolsim.scenarios.config.VariantKeys.SERVICE_DOWN_TIME;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.Ratio;
import io.cvolsim.model.broker.BrokerOptions;
import io.cvolsim.model.config.QuotaKeeping;
import io.cvolsim.model.config.UnreserveAttachments;
import io.cvolsim.model.dlm.DlmOptions;
import io.cvolsim.model.service.HeartbeatClock;
import io.cvolsim.model.service.ServiceOptions;
import io.cvolsim.model.workers.IsUpClock;
import io.cvolsim.scenarios.config.VariantKeys;
import io.cvolsim.model.storage.FencingMode;
import io.cvolsim.model.storage.StorageOptions;
import io.cvolsim.model.storage.TokenFencing;
import io.cvolsim.model.volume.FencingOptions;
import io.cvolsim.model.workers.WorkersOptions;
import io.cvolsim.scenarios.config.Settings;
import io.cvolsim.scenarios.config.SettingsCatalog;

/** Turns settings into the typed options of each component. */
final class DeploymentSettings {
  private DeploymentSettings() {}

  static ServiceOptions service(Settings settings) {
    // Judging liveness by the database's clock (V17) only helps if heartbeats carry that clock too.
    HeartbeatClock stamp = settings.get(VariantKeys.IS_UP_CLOCK) == IsUpClock.DB_SERVER
        ? HeartbeatClock.DATABASE : HeartbeatClock.WRITER;
    return ServiceOptions.cinderDefaults()
        .withTimes(settings.get(REPORT_INTERVAL), settings.get(SERVICE_DOWN_TIME))
        .withHeartbeatMode(settings.get(HEARTBEAT_MODE))
        .withHeartbeatClock(stamp);
  }

  static QuotaKeeping quota(Settings settings) {
    return settings.get(VariantKeys.QUOTA_COMMIT).keeping(settings.get(SettingsCatalog.QUOTA_TRACKING));
  }

  /** The attachments API is made of volume_attachments rows, so it keeps them whatever the legacy key says. */
  static boolean attachmentRows(Settings settings) {
    return settings.get(SettingsCatalog.ATTACHMENT_ROWS)
        || settings.get(SettingsCatalog.ATTACH_API) == io.cvolsim.model.config.AttachApi.ATTACHMENTS;
  }

  static UnreserveAttachments unreserve(Settings settings) {
    return settings.get(VariantKeys.UNRESERVE_ATTACHMENTS).withRows(attachmentRows(settings));
  }

  static FencingOptions fencing(Settings settings) {
    return new FencingOptions(settings.get(FENCING), settings.get(FENCING_SELF_TIMEOUT),
        settings.get(FENCING_STONITH_DELAY), settings.get(io.cvolsim.scenarios.config.VariantKeys.FENCING_REVOCATION));
  }

  static DlmOptions dlm(Settings settings, DeploymentTopology topology) {
    DlmOptions options = DlmOptions.defaults(settings.get(COORDINATION_BACKEND), topology.coordination(),
        topology.database()).withLockOrder(settings.get(LOCK_ORDER))
        .withReleaseFailure(settings.get(VariantKeys.RELEASE_FAILURE))
        .withHolder(settings.get(VariantKeys.LOCK_HOLDER), ppm(settings.get(VariantKeys.HOLDER_CLOCK_ERROR)));
    return settings.get(COORDINATION_LEASE).map(options::withLeaseNanos).orElse(options);
  }

  private static long ppm(Ratio share) {
    return share.numerator() * 1_000_000L / share.denominator();
  }

  static BrokerOptions broker(Settings settings) {
    return BrokerOptions.osloDefaults().withAckMode(settings.get(BROKER_ACK));
  }

  static WorkersOptions workers(Settings settings) {
    WorkersOptions options = WorkersOptions.cinderToday().withClaim(settings.get(CLEANUP_CLAIM))
        .withClock(settings.get(VariantKeys.WORKERS_CLOCK));
    // V8 is about databases that keep whole seconds only.
    return settings.get(CLEANUP_CLAIM) == io.cvolsim.model.workers.CleanupClaim.UPDATED_AT
        ? options.withTimestampGranularityNanos(Durations.seconds(1)) : options;
  }

  static StorageOptions storage(Settings settings) {
    StorageOptions options = StorageOptions.defaults().withConcurrentMutations(
        settings.get(io.cvolsim.scenarios.config.VariantKeys.CONCURRENT_MUTATIONS));
    return settings.get(FENCING) == FencingMode.STORAGE ? options.withTokenFencing(TokenFencing.ON) : options;
  }
}
