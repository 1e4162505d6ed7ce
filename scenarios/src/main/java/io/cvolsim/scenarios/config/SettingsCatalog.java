package io.cvolsim.scenarios.config;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;

import io.cvolsim.kernel.api.Ratio;
import io.cvolsim.model.config.ApiTransition;
import io.cvolsim.model.db.DatabaseOptions;
import java.util.List;
import java.util.Optional;

/** Every {@code --set} key, with its meaning, default and values; {@code cvolsim variants} lists them. */
public final class SettingsCatalog {
  public static final SettingKey<ApiTransition> API_TRANSITION = new SettingKey<>("api.transition",
      "how the API moves a volume to a transitional status: one conditional update, the pre-Mitaka read, "
          + "check in the API, then write (V1), or a transaction that locks the row with SELECT ... FOR UPDATE, "
          + "checks it in the API, writes and commits, retried whole on deadlocks (V3)",
      "cas", Readers.values(ApiTransition.class, ApiTransition::optionValue),
      Readers.choice(ApiTransition.class, ApiTransition::optionValue));

  public static final SettingKey<Integer> API_NODES = new SettingKey<>("api.nodes",
      "number of cinder-api nodes sharing the database", "3", List.of("1..9"), Readers.integer(1, 9));

  public static final SettingKey<Integer> CLIENTS = new SettingKey<>("workload.clients",
      "number of concurrent clients issuing volume requests", "4", List.of("1..32"),
      Readers.integer(1, 32));

  public static final SettingKey<Integer> VOLUMES = new SettingKey<>("workload.volumes",
      "number of volume ids the clients contend on", "3", List.of("1..16"), Readers.integer(1, 16));

  public static final SettingKey<Long> THINK_TIME_MAX = new SettingKey<>("workload.think_time_max",
      "longest pause of a client between two requests", "2s", List.of("10ms..60s"),
      Readers.duration(millis(10), seconds(60)));

  public static final SettingKey<Boolean> ADMIN_RESETS = new SettingKey<>("workload.admin_resets",
      "whether the deployment's clients include an admin's reset-state (a write without conditions, §3)",
      "on", List.of("on", "off"), Readers.onOff());

  public static final SettingKey<Boolean> ATTACHMENT_ROWS = new SettingKey<>("volume.attachment_rows",
      "whether attach and detach keep volume_attachments rows (Cinder's volume_attach and volume_detached), "
          + "so S14 can count live attachments; off keeps attach_status on the volume row alone and every "
          + "pinned seed as it was",
      "off", List.of("on", "off"), Readers.onOff());

  public static final SettingKey<io.cvolsim.model.config.AttachApi> ATTACH_API = new SettingKey<>(
      "workload.attach_api",
      "which attach API the deployment's clients use as Nova: the legacy reserve, os-attach, begin_detaching and "
          + "os-detach, or the attachments API of micro-version 3.27 (attachment reserve, update with a "
          + "connector, complete, delete), which always keeps volume_attachments rows whatever "
          + "volume.attachment_rows says; legacy draws and sends what every pinned seed did",
      "legacy", Readers.values(io.cvolsim.model.config.AttachApi.class, io.cvolsim.model.config.AttachApi::optionValue),
      Readers.choice(io.cvolsim.model.config.AttachApi.class, io.cvolsim.model.config.AttachApi::optionValue));

  public static final SettingKey<Long> NEMESIS_PAUSE_MAX = new SettingKey<>("nemesis.pause_max",
      "the longest stall the deployment and swarm nemeses give a c-vol (a drawn pause is cut to it); a preset "
          + "whose safety assumes stalls shorter than its DLM lease sets it below the lease",
      "100s", List.of("1s..1h"), Readers.duration(seconds(1), seconds(3600)));

  public static final SettingKey<Long> NEMESIS_DLM_SILENCE_MAX = new SettingKey<>("nemesis.dlm_silence_max",
      "the longest the deployment and swarm nemeses keep a c-vol from reaching the DLM, by stalls, cuts from the "
          + "DLM and splits together (faults less than a heart period apart count as one silence; a fault is cut "
          + "short or left out to keep within it); a preset whose lock safety assumes leases outlive silences sets "
          + "it below its lease less one heart period", "1h", List.of("1s..1h"), Readers.duration(seconds(1), seconds(3600)));

  public static final SettingKey<Long> REQUEST_TIMEOUT = new SettingKey<>("workload.request_timeout",
      "how long a client waits for the API before recording an unknown outcome", "5s",
      List.of("100ms..60s"), Readers.duration(millis(100), seconds(60)));

  public static final SettingKey<Long> STATEMENT_TIMEOUT = new SettingKey<>("database.statement_timeout",
      "how long a node waits for one database statement", "1s", List.of("10ms..60s"),
      Readers.duration(millis(10), seconds(60)));

  public static final SettingKey<Ratio> DEADLOCKS = new SettingKey<>("database.deadlock_ratio",
      "during the fault window, the share of writes the database aborts as deadlock victims (a multi-master "
          + "Galera cluster); Cinder retries conditional updates and workers functions five times",
      "0%", List.of("0%..50%"), Readers.percent(50));

  public static final SettingKey<Integer> DATABASE_MASTERS = new SettingKey<>("database.masters",
      "Galera nodes taking writes: 1, one writer behind HAProxy as most OpenStack deployments run it; more, "
          + "clients are spread over masters round robin, row locks hold only on their own master and a commit "
          + "that conflicts with another master's recent write fails certification as a deadlock (V3)",
      "1", List.of("1..5"), Readers.integer(1, 5));

  public static final SettingKey<Long> REPLICATION_DELAY = new SettingKey<>("database.replication_delay",
      "with database.masters above 1: how long a write committed on one master takes to be applied on the "
          + "others; a write set whose snapshot is older than another master's write by less than this fails "
          + "certification", "5ms", List.of("0s..1s"), Readers.duration(0, seconds(1)));

  public static final SettingKey<Long> DURATION = new SettingKey<>("run.duration",
      "simulated time during which clients issue requests and faults occur (the deployment scenario sets "
          + "180s, so that faults can outlast service_down_time and a DLM lease)", "60s",
      List.of("1s..1h"), Readers.duration(seconds(1), seconds(3600)));

  public static final SettingKey<Long> LATENCY_MAX = new SettingKey<>("net.latency_max",
      "longest one-way network latency (the shortest is 1ms)", "10ms", List.of("1ms..5s"),
      Readers.duration(millis(1), seconds(5)));

  public static final SettingKey<Ratio> LOSS = new SettingKey<>("net.loss",
      "probability that a message is lost", "1%", List.of("0%..50%"), Readers.percent(50));

  public static final SettingKey<Boolean> HOLD_ON_PARTITION = new SettingKey<>("net.tcp_hold",
      "deployment scenarios: a cut link keeps its messages and sends them when it heals, as TCP retransmits through a cut shorter "
          + "than a connection's death (lost if the sender died meanwhile, and a request whose caller gave up is "
          + "rolled back); off: a cut link loses them. The first slice's partitions always lose them",
      "on", List.of("on", "off"), Readers.onOff());

  public static final SettingKey<Boolean> NEMESIS = new SettingKey<>("nemesis",
      "whether the nemesis injects faults during the fault window (first slice: partitions of API nodes "
          + "and clients; deployment: c-vol crashes, pauses and partitions from the database, broker or DLM)",
      "on", List.of("on", "off"), Readers.onOff());

  public static final SettingKey<List<io.cvolsim.scenarios.swarm.FaultKind>> SWARM_FAULTS = new SettingKey<>(
      "swarm.faults", "the deployment's nemesis: off for its fixed schedule of c-vol crashes, pauses and "
          + "partitions; all, or a comma-separated list of kinds, for the swarm nemesis, which switches on a "
          + "random subset of those kinds per seed",
      "off", swarmFaultExamples(), raw -> io.cvolsim.scenarios.swarm.FaultKind.parseList(raw));

  public static final SettingKey<io.cvolsim.scenarios.deployment.DeploymentFaults> DEPLOYMENT_FAULTS = new SettingKey<>(
      "nemesis.deployment_faults", "when the deployment's own faults run (c-vol crashes, stalls that wait for the "
          + "target's next workers claim, cuts from the database, broker or DLM): auto, only when swarm.faults is "
          + "off; always, beside the swarm's faults too, so one run meets both the stalls that catch a node "
          + "mid-operation and the swarm's wider menu",
      "auto", Readers.values(io.cvolsim.scenarios.deployment.DeploymentFaults.class,
          io.cvolsim.scenarios.deployment.DeploymentFaults::optionValue),
      Readers.choice(io.cvolsim.scenarios.deployment.DeploymentFaults.class,
          io.cvolsim.scenarios.deployment.DeploymentFaults::optionValue));

  public static final SettingKey<List<io.cvolsim.scenarios.swarm.FaultKind>> ASSUMED_ABSENT = new SettingKey<>(
      "nemesis.assumed_absent", "fault kinds a preset's fault assumptions rule out: the swarm draws from "
          + "swarm.faults less these, the deployment's nemesis draws them but does not inject them, and a sweep "
          + "lists them as off the menu; none, or a comma-separated list",
      "none", assumedAbsentExamples(), SettingsCatalog::readAssumedAbsent);

  public static final SettingKey<Boolean> FORCED_CLEANUPS = new SettingKey<>("nemesis.forced_cleanups",
      "whether the swarm's workers cleanups may pass is_up=true, cleaning services that are up (\"only if you "
          + "know what you are doing\"); off, an admin cleans only services the database shows down",
      "on", List.of("on", "off"), Readers.onOff());

  public static final SettingKey<Boolean> QUOTA_TRACKING = new SettingKey<>("quota.tracking",
      "keep the project's volume quota usage in the database (reserve and commit on create, release on "
          + "destroy) so that S13 can judge it; off, nothing is written and runs send what they did without it",
      "off", List.of("on", "off"), Readers.onOff());

  public static final SettingKey<Long> CAPACITY_LIMIT = new SettingKey<>("backend.capacity_gb",
      "the backend's provisioning limit in GB (capacity times max_over_subscription_ratio, thin provisioned; the "
          + "driver reports no provisioned_capacity_gb, so the schedulers' CapacityFilter trusts the c-vols' "
          + "allocated_capacity_gb): a create is placed only where the scheduler believes it fits, and S13 judges "
          + "what it believed; unlimited: reports say 1000 GB free as before and nothing is counted",
      "unlimited", List.of("unlimited", "1..100000"), Readers.integerOr("unlimited", 0, 1, 100000));

  public static final SettingKey<Boolean> STORAGE_GROUP_MOVES = new SettingKey<>("driver.storage_groups",
      "a PowerMax-like driver: a retype moves the volume between per-type storage groups under both groups' "
          + "locks, so two opposite retypes can deadlock unless the locks are taken sorted (V20)",
      "off", List.of("on", "off"), Readers.onOff());

  public static final SettingKey<Ratio> DRIVER_SETUP_ERRORS = new SettingKey<>("driver.setup_errors",
      "the share of do_setup attempts the array refuses; a c-vol whose three start attempts all fail runs "
          + "without a driver (S12's black-hole member)", "0%", List.of("0%..100%"), Readers.percent(100));

  public static final List<SettingKey<?>> ALL = all();

  private static List<SettingKey<?>> all() {
    List<SettingKey<?>> keys = new java.util.ArrayList<>(List.of(API_TRANSITION, API_NODES, CLIENTS, VOLUMES,
        THINK_TIME_MAX, ADMIN_RESETS, REQUEST_TIMEOUT, STATEMENT_TIMEOUT, DEADLOCKS, DATABASE_MASTERS,
        REPLICATION_DELAY, DURATION, LATENCY_MAX, LOSS, NEMESIS,
        NEMESIS_PAUSE_MAX, NEMESIS_DLM_SILENCE_MAX, SWARM_FAULTS, DEPLOYMENT_FAULTS, ASSUMED_ABSENT, FORCED_CLEANUPS,
        QUOTA_TRACKING, CAPACITY_LIMIT, STORAGE_GROUP_MOVES, DRIVER_SETUP_ERRORS, HOLD_ON_PARTITION,
        ATTACHMENT_ROWS, ATTACH_API));
    keys.addAll(VariantKeys.ALL);
    return List.copyOf(keys);
  }

  private static List<String> assumedAbsentExamples() {
    List<String> examples = new java.util.ArrayList<>(List.of("none"));
    examples.addAll(io.cvolsim.scenarios.swarm.FaultKind.optionValues());
    return List.copyOf(examples);
  }

  /** None, or a list of kinds; "off" and "all" are swarm.faults' words, not this key's. */
  private static List<io.cvolsim.scenarios.swarm.FaultKind> readAssumedAbsent(String raw) {
    if (raw.equals("none")) {
      return List.of();
    }
    if (raw.equals("off") || raw.equals("all")) {
      throw new IllegalArgumentException("'" + raw + "' is not a fault kind; say none, or list the kinds");
    }
    return io.cvolsim.scenarios.swarm.FaultKind.parseList(raw);
  }

  private static List<String> swarmFaultExamples() {
    List<String> examples = new java.util.ArrayList<>(List.of("off", "all"));
    examples.addAll(io.cvolsim.scenarios.swarm.FaultKind.optionValues());
    return List.copyOf(examples);
  }

  private SettingsCatalog() {}

  /** The database server's options: its masters and replication delay, InnoDB's lock timeouts. */
  public static DatabaseOptions databaseOptions(Settings settings) {
    return DatabaseOptions.masters(settings.get(DATABASE_MASTERS), settings.get(REPLICATION_DELAY));
  }

  public static Optional<SettingKey<?>> find(String name) {
    return ALL.stream().filter(key -> key.name().equals(name)).findFirst();
  }
}
