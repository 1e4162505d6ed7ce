package io.cvolsim.model.standin;

import io.cvolsim.kernel.api.NodeId;

/**
 * Timing of the volume-service stand-in.
 *
 * @param database the database node
 * @param statementTimeoutNanos how long one save may take before it is given up as unknown
 * @param workMinNanos shortest time a job takes on the (imaginary) backend
 * @param workMaxNanos longest time a job takes
 */
public record StandInOptions(NodeId database, long statementTimeoutNanos, long workMinNanos,
    long workMaxNanos) {}
