package io.cvolsim.model.api;

import io.cvolsim.kernel.api.Message;
import io.cvolsim.model.workers.CleanupRequest;

/** Admin {@code POST /workers/cleanup} (microversion 3.24); {@code until} is set by the API node. */
public record WorkersCleanupRequest(CleanupRequest filters) implements Message {}
