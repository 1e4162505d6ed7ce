package io.cvolsim.model.storage;

/**
 * What {@code initialize_connection} returns: where the initiator finds the exported volume, and
 * how many blocks it has then (what a host writing the whole volume, as an image download does,
 * needs to know).
 */
public record ConnectionInfo(String volumeId, String initiator, String targetName, int blockCount) {}
