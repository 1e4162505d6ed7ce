package io.cvolsim.model.storage;

/** What {@code initialize_connection} returns: where the initiator finds the exported volume. */
public record ConnectionInfo(String volumeId, String initiator, String targetName) {}
