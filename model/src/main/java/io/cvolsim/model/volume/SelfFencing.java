package io.cvolsim.model.volume;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.model.broker.BrokerClient;
import io.cvolsim.model.service.Heartbeat;
import io.cvolsim.model.storage.PowerSwitch;

/**
 * Internal auto-fencing (reference §6 option b): once this node's last successful heartbeat is
 * older than {@code T_self} on its own clock, it stops consuming and kills itself, so that it no
 * longer touches storage when the others conclude it is down. A paused node cannot run this
 * check, which is exactly the gap the reference warns about.
 */
final class SelfFencing {
  private static final long CHECK_INTERVAL_NANOS = Durations.seconds(1);
  private final NodeContext context;
  private final FencingOptions options;
  private final Heartbeat heartbeat;
  private final PowerSwitch powerSwitch;
  private final BrokerClient broker;

  SelfFencing(NodeContext context, FencingOptions options, Heartbeat heartbeat, PowerSwitch powerSwitch,
      BrokerClient broker) {
    this.context = context;
    this.options = options;
    this.heartbeat = heartbeat;
    this.powerSwitch = powerSwitch;
    this.broker = broker;
  }

  void start() {
    context.setTimer("self-fence-check", CHECK_INTERVAL_NANOS, this::check);
  }

  private void check() {
    long silentNanos = context.monotonicNanos() - heartbeat.lastSuccessMonotonicNanos();
    if (silentNanos <= options.selfFenceAfterNanos()) {
      start();
      return;
    }
    context.probe("fencing.self-fenced");
    context.log("self-fencing after " + Durations.format(silentNanos) + " without a heartbeat");
    broker.stopConsuming(0);
    powerSwitch.powerOff(context.self(), context.self(), 0);
  }
}
