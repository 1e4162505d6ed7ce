package io.cvolsim.model.workers;

/**
 * A workers row as the database applied a write to it, in true time: the database's order of
 * writes, where {@link WorkerEvent}s are in the order their writers heard the answers.
 *
 * @param serviceId the owner after the write; null when none or deleted
 */
public record AppliedRow(long trueTimeNanos, long id, Long serviceId, boolean deleted) {}
