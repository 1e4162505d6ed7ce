package io.cvolsim.model.api;

/**
 * Where the API hands accepted work: to the scheduler and c-vol queues in a full deployment, or
 * to the named stand-in of the first slice.
 */
@FunctionalInterface
public interface JobDispatcher {
  /** Casts the job; fire and forget, as Cinder's rpcapi casts are. */
  void dispatch(VolumeJob job);
}
