package io.cvolsim.model.storage;

/**
 * What a copy (clone, create-from-snapshot, snapshot) had to copy and what it produced, for the
 * integrity check: a copy must equal its source as it was when the copy started.
 *
 * @param sourceAtStart the source's content when the copy was accepted
 * @param targetAtEnd the target's content when the copy ended (or failed, or was cut off)
 */
public record CopyRecord(Content sourceAtStart, Content targetAtEnd) {

  /** The target is not a point-in-time image of the source: blocks changed or went missing. */
  public boolean isTorn() {
    return !targetAtEnd.startsWith(sourceAtStart);
  }
}
