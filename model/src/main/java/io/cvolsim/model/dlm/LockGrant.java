package io.cvolsim.model.dlm;

import io.cvolsim.kernel.api.NodeId;

/**
 * One acquisition of a lock, as its holder sees it. Holding a grant means only that the holder
 * believes it holds the lock: under etcd lease expiry or ZooKeeper session loss the server may
 * already have handed the lock to someone else (reference §7.4, S10).
 *
 * @param name the rendered lock name
 * @param holder the node that acquired it
 * @param token the fencing token: strictly increasing per server (the etcd revision that created
 *     the key, the ZooKeeper zxid that created the lock node, the workers row id); file locks
 *     number their grants per node incarnation only, as a file lock has no global order
 * @param operationId the lock log's id for this acquisition, tying its log entries together
 */
public record LockGrant(String name, NodeId holder, long token, long operationId) {}
