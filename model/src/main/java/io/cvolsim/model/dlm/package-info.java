/**
 * The distributed lock manager as Cinder uses it through Tooz (reference §7, V12, V13, V20).
 *
 * <p>A volume or API node makes one {@link io.cvolsim.model.dlm.LockCoordinator} per incarnation
 * with {@link io.cvolsim.model.dlm.DlmOptions} and the run's {@link io.cvolsim.model.dlm.LockLog}.
 * The backends differ where Cinder's do:
 *
 * <ul>
 *   <li>{@code file}: node-local locks, no exclusion between nodes, gone with the process;
 *   <li>{@code etcd}: an {@link io.cvolsim.model.dlm.EtcdServerNode} keeps lock keys on leases
 *       the holder's heartbeat refreshes; a lease that expires under a stalled holder lets a
 *       second holder in, and the first is never told;
 *   <li>{@code zookeeper}: a {@link io.cvolsim.model.dlm.ZooKeeperServerNode} keeps ephemeral
 *       lock nodes of a pinged session; on session expiry the next in line takes over, and the
 *       old holder learns of it only when it next talks to the server;
 *   <li>{@code workers-table}: the unimplemented spec's rows in {@code workers}; no expiry, so
 *       a crashed holder's rows stay until {@link io.cvolsim.model.dlm.WorkersTableLocks}
 *       removes them for cleanup.
 * </ul>
 *
 * <p>The lock log, written with true time, is what the checker reads for S10 (no overlapping
 * holders) and L3 (a dead holder's lock frees within the lease, session timeout or cleanup). An
 * acquire request with no outcome in the log means the requesting process died while waiting.
 */
package io.cvolsim.model.dlm;
