package io.cvolsim.model.scheduler;

import io.cvolsim.model.config.ManagerCompletion;
import io.cvolsim.model.config.SchedulerRouting;
import io.cvolsim.model.service.ServiceOptions;
import io.cvolsim.model.volume.FencingOptions;
import io.cvolsim.model.workers.CleanupTrigger;
import io.cvolsim.model.workers.IsUpClock;

/**
 * One cinder-scheduler process.
 *
 * @param host its {@code host} option
 * @param cleanupTrigger manual (Cinder), auto or dlm-leader (V9)
 * @param autoCleanupChecks how many consecutive down samples before an automatic cleanup
 * @param isUpClock whose clock decides that a service is down (V17)
 * @param fencing what the scheduler does to a down node before sending its cleanup (V11)
 * @param routing where a placed create goes: the cluster's queue or the chosen member's (V4)
 * @param completion how "no valid backend" is written: blindly as Cinder, or by CAS on creating (V19)
 * @param capabilities how capability reports are ordered and applied (V21)
 * @param maxAttempts scheduler_max_attempts (Cinder: 3): how often one create may be placed; above
 *     one, a c-vol whose create fails sends it back for another backend
 */
public record SchedulerConfig(String host, ServiceOptions service, CleanupTrigger cleanupTrigger,
    int autoCleanupChecks, IsUpClock isUpClock, FencingOptions fencing, SchedulerRouting routing,
    ManagerCompletion completion, CapabilityOptions capabilities, int maxAttempts) {}
