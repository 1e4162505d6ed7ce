package io.cvolsim.model.rpc;

import io.cvolsim.kernel.api.Message;

/** An operating-system signal to a service process, delivered by the kernel outside the network. */
public sealed interface ServiceSignal extends Message {
  /** SIGTERM (systemctl stop): oslo.service stops consuming, waits for in-flight jobs, then exits. */
  record Terminate() implements ServiceSignal {}
}
