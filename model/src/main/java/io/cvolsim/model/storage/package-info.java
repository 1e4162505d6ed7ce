/**
 * The shared storage backend of a cluster and the volume driver c-vol uses to reach it
 * (reference §1 "Storage backend + driver", §6 fencing, §8 S1/S2/S5/S6, §9 V11).
 *
 * <p>Wiring, as a harness does it:
 *
 * <pre>{@code
 * StorageIoLog log = new StorageIoLog(simulation::nowNanos);        // true time, for checkers
 * StorageArray array = new StorageArray(StorageOptions.defaults(), log); // durable state
 * simulation.addNode(NodeId.of("storage"), context -> new StorageArrayNode(context, array));
 * // in each c-vol incarnation:
 * VolumeDriver driver = new VolumeDriver(context, NodeId.of("storage"), DriverOptions.defaults());
 * }</pre>
 *
 * <p>After the run, {@link io.cvolsim.model.storage.StorageIoLog#entries()} holds every call
 * with caller, operation, target and source, true start and end, outcome and fencing token,
 * and copies' before/after content; {@link io.cvolsim.model.storage.StorageIoLog#inventory()}
 * the objects that exist with their block versions and exports.
 * {@link io.cvolsim.model.storage.StorageLogFindings} extracts the facts the storage properties
 * are judged on.
 */
package io.cvolsim.model.storage;
