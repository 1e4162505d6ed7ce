package io.cvolsim.kernel.api;

/**
 * Marker for everything that crosses the simulated network. Implementations are records under
 * a sealed interface per protocol role, so that equality and {@code toString} are by value: the
 * trace prints them and the fingerprint hashes that text.
 */
public interface Message {}
