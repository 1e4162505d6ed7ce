package io.cvolsim.model.storage;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;

import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.kernel.choice.RecordingChoices;
import io.cvolsim.kernel.sim.LinkProfile;
import io.cvolsim.kernel.sim.Simulation;
import io.cvolsim.kernel.sim.SimulationOptions;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/** A test world: one storage array and c-vol stand-ins that run scripted driver calls. */
final class StorageWorld {
  static final NodeId STORAGE = NodeId.of("storage");

  /** One scripted call: at {@code atNanos} of the client's clock, run {@code action}. */
  record Step(long atNanos, String label, Function<Client, SimFuture<?>> action) {}

  final Simulation simulation;
  final StorageIoLog log;
  final StorageArray array;
  /** What became of each scripted call, by label; survives the client's crash. */
  final SortedMap<String, Outcome<?>> outcomes = new TreeMap<>();

  StorageWorld(long seed, StorageOptions options) {
    simulation = new Simulation(
        new SimulationOptions(1_000_000, true, LinkProfile.reliable(millis(1), millis(1))),
        RecordingChoices.seeded(seed));
    log = new StorageIoLog(simulation::nowNanos);
    array = new StorageArray(options, log);
    simulation.addNode(STORAGE, context -> new StorageArrayNode(context, array));
  }

  /** Fixed timings, so tests can say when each block is copied: a 1 GB copy takes 1 s a block. */
  static StorageOptions fixedTimings() {
    DurationRange quick = DurationRange.between(millis(100), millis(100));
    DurationRange io = DurationRange.between(millis(10), millis(10));
    StorageTimings timings = new StorageTimings(quick, DurationRange.between(seconds(4), seconds(4)),
        quick, quick, io, io, io);
    return StorageOptions.defaults().withTimings(timings);
  }

  static Step at(long atNanos, String label, Function<Client, SimFuture<?>> action) {
    return new Step(atNanos, label, action);
  }

  void addClient(NodeId id, DriverOptions driverOptions, Step... steps) {
    simulation.addNode(id, context -> new Client(context, driverOptions, List.of(steps)));
  }

  void addClient(NodeId id, Step... steps) {
    addClient(id, DriverOptions.defaults(), steps);
  }

  Outcome<?> outcome(String label) {
    return outcomes.get(label);
  }

  IoLogEntry onlyEntry(StorageOperation operation) {
    List<IoLogEntry> matching = log.entries().stream()
        .filter(entry -> entry.call().operation() == operation).toList();
    if (matching.size() != 1) {
      throw new AssertionError("expected one " + operation + " in\n" + log.describe());
    }
    return matching.get(0);
  }

  /** A c-vol stand-in: its driver, and a script of calls it makes on its own clock. */
  final class Client implements Node {
    final NodeContext context;
    final VolumeDriver driver;
    private final List<Step> steps;

    Client(NodeContext context, DriverOptions driverOptions, List<Step> steps) {
      this.context = context;
      this.driver = new VolumeDriver(context, STORAGE, driverOptions);
      this.steps = steps;
    }

    @Override
    public void start() {
      for (Step step : steps) {
        context.setTimer(step.label(), step.atNanos(), () -> step.action().apply(this)
            .whenComplete(outcome -> outcomes.put(step.label(), outcome)));
      }
    }

    @Override
    public void onMessage(Incoming incoming) {
      throw new IllegalStateException("clients take no messages: " + incoming);
    }

    /** The data path through an export this client's host was given. */
    AttachedDisk disk(String volumeId, String initiator) {
      return new AttachedDisk(context, STORAGE,
          new ConnectionInfo(volumeId, initiator, "iqn.cvolsim:" + volumeId, 4), seconds(5));
    }
  }
}
