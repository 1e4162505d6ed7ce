package io.cvolsim.scenarios.properties;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.storage.AttachedDisk;
import io.cvolsim.model.storage.ConnectionInfo;
import io.cvolsim.model.storage.DriverOptions;
import io.cvolsim.model.storage.DurationRange;
import io.cvolsim.model.storage.StorageArray;
import io.cvolsim.model.storage.StorageArrayNode;
import io.cvolsim.model.storage.StorageIoLog;
import io.cvolsim.model.storage.StorageOptions;
import io.cvolsim.model.storage.StorageTimings;
import io.cvolsim.model.storage.VolumeDriver;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A storage array and c-vol stand-ins whose drivers make scripted calls at true times: the real
 * array writes a real I/O log. Timings are fixed: a 1 GB copy takes 4 s, other calls 100 ms.
 */
final class StorageScript {
  static final NodeId ARRAY = NodeId.of("storage");

  final TestWorld world = new TestWorld(7);
  final StorageIoLog log = new StorageIoLog(world.simulation::nowNanos);
  final Map<String, Long> fencedNodes = new TreeMap<>();

  StorageScript() {
    this(fixedTimings());
  }

  StorageScript(StorageOptions options) {
    StorageArray array = new StorageArray(options, log);
    world.simulation.addNode(ARRAY, context -> new StorageArrayNode(context, array));
  }

  static StorageOptions fixedTimings() {
    DurationRange quick = DurationRange.between(millis(100), millis(100));
    DurationRange io = DurationRange.between(millis(10), millis(10));
    return StorageOptions.defaults().withTimings(new StorageTimings(quick,
        DurationRange.between(seconds(4), seconds(4)), quick, quick, io, io, io));
  }

  StorageScript node(String name) {
    world.passiveNode(name);
    return this;
  }

  /** At {@code trueNanos}, {@code node}'s driver makes the call. */
  StorageScript at(long trueNanos, String node, Function<VolumeDriver, SimFuture<?>> call) {
    world.at(trueNanos, node + " calls the array", () -> call.apply(
        new VolumeDriver(world.context(node), ARRAY, DriverOptions.defaults())));
    return this;
  }

  /** At {@code trueNanos}, {@code node} writes block {@code block} of an export to {@code initiator}. */
  StorageScript writeAt(long trueNanos, String node, String volumeId, String initiator, int block) {
    world.at(trueNanos, node + " writes " + volumeId, () -> new AttachedDisk(world.context(node), ARRAY,
        new ConnectionInfo(volumeId, initiator, "iqn.cvolsim:" + volumeId, 4), seconds(5)).writeBlock(block));
    return this;
  }

  /** The harness powers {@code node} off at {@code trueNanos} and records it as fenced. */
  StorageScript powerOffAt(long trueNanos, String node) {
    fencedNodes.put(node, trueNanos);
    world.at(trueNanos, "power off " + node, () -> world.simulation.crash(NodeId.of(node)));
    return this;
  }

  StorageScript run() {
    world.runUntil(seconds(20));
    return this;
  }
}
