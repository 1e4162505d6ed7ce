package io.cvolsim.model.scheduler;

import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.broker.BrokerClient;
import io.cvolsim.model.broker.HostLevel;
import io.cvolsim.model.broker.QueueNames;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.rpc.SchedulerRpc;
import io.cvolsim.model.rpc.VolumeRpc;
import io.cvolsim.model.service.OrderScope;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.model.storage.FencingMode;
import io.cvolsim.model.storage.PowerSwitch;
import io.cvolsim.model.storage.VolumeDriver;
import io.cvolsim.model.volume.FencingOptions;
import io.cvolsim.model.workers.CleanupRouting;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the cleanup requests {@code work_cleanup} routed (reference §5.6). Under external fencing
 * (V11) the down node is fenced first: STONITH powers it off and the cleanup waits out the
 * switch's delay; storage fencing revokes its access at the array and waits for the answer.
 */
final class CleanupDispatcher {
  private final NodeContext context;
  private final BrokerClient broker;
  private final FencingOptions fencing;
  private final PowerSwitch powerSwitch;
  private final VolumeDriver array;
  private final ServiceLog serviceLog;

  CleanupDispatcher(NodeContext context, BrokerClient broker, FencingOptions fencing, PowerSwitch powerSwitch,
      VolumeDriver array, ServiceLog serviceLog) {
    this.serviceLog = serviceLog;
    this.context = context;
    this.broker = broker;
    this.fencing = fencing;
    this.powerSwitch = powerSwitch;
    this.array = array;
  }

  SimFuture<Void> dispatchAll(List<CleanupRouting.Dispatch> dispatches) {
    SimFuture<Void> chain = SimFuture.succeeded(null);
    for (CleanupRouting.Dispatch dispatch : dispatches) {
      // A node that could not be fenced is not cleaned: cleaning it could race its zombie.
      chain = chain.flatMap(ignored -> dispatch(dispatch).thenHandle(outcome -> {
        if (!outcome.isSuccess()) {
          context.probe("fencing.failed-cleanup-withheld");
        }
        return SimFuture.<Void>succeeded(null);
      }));
    }
    return chain;
  }

  private SimFuture<Void> dispatch(CleanupRouting.Dispatch dispatch) {
    if (!dispatch.request().isUp()) {
      // Only a cleanup of services judged down declares them down; is_up=true is an admin's order.
      serviceLog.declaredDown(dispatch.service().string("host"), context.self().name(),
          OrderScope.of(dispatch.request()));
    } else {
      serviceLog.orderedCleanedWhileUp(dispatch.service().string("host"), context.self().name());
    }
    if (dispatch.destination() == CleanupRouting.Destination.SCHEDULER_TOPIC) {
      broker.cast(QueueNames.SCHEDULER_TOPIC, new SchedulerRpc.DoCleanup(dispatch.request()));
      return SimFuture.succeeded(null);
    }
    return fence(dispatch.service()).map(ignored -> {
      broker.cast(QueueNames.volumeTopic(dispatch.target()), new VolumeRpc.DoCleanup(dispatch.request()));
      return null;
    });
  }

  private SimFuture<Void> fence(Row service) {
    NodeId node = nodeOf(service.string("host"));
    if (fencing.mode() == FencingMode.STONITH) {
      context.probe("fencing.stonith-requested");
      powerSwitch.powerOff(context.self(), node, fencing.stonithDelayNanos());
      return context.sleep("await-stonith " + node, fencing.stonithDelayNanos() + fencing.stonithDelayNanos() / 10);
    }
    if (fencing.mode() == FencingMode.STORAGE) {
      context.probe("fencing.storage-revoked");
      Object incarnation = service.get("incarnation");
      return array.revokeAccess(node, fencing.namesIncarnations() && incarnation instanceof Number number
          ? number.intValue() : null);
    }
    return SimFuture.succeeded(null);
  }

  /** The process behind a services row: its {@code host} option names the node. */
  static NodeId nodeOf(String serviceHost) {
    return NodeId.of(QueueNames.extractHost(serviceHost, HostLevel.HOST));
  }

  static List<String> hosts(List<Row> services) {
    List<String> hosts = new ArrayList<>();
    services.forEach(row -> hosts.add(row.string("host")));
    return hosts;
  }
}
