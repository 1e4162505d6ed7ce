package io.cvolsim.model.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The data of a volume or snapshot: one version stamp per block. The array stamps every block
 * write with a number no other write gets, and 0 means never written, so two contents are equal
 * exactly when they hold the same writes, and a copy that mixes blocks from before and after a
 * write is told apart from both. A copy's target starts with {@link #NOT_COPIED} blocks, so a
 * copy cut off half-way differs from its source even where the source was never written.
 */
public record Content(List<Long> blocks) {
  /** A block of a copy's target that the copy has not reached. */
  public static final long NOT_COPIED = -1;

  public Content {
    blocks = List.copyOf(blocks);
  }

  /** {@code blockCount} blocks, none ever written. */
  public static Content empty(int blockCount) {
    return new Content(Collections.nCopies(blockCount, 0L));
  }

  /** {@code blockCount} blocks awaiting their copy. */
  public static Content notCopied(int blockCount) {
    return new Content(Collections.nCopies(blockCount, NOT_COPIED));
  }

  public int blockCount() {
    return blocks.size();
  }

  public long block(int index) {
    return blocks.get(index);
  }

  public Content withBlock(int index, long stamp) {
    List<Long> changed = new ArrayList<>(blocks);
    changed.set(index, stamp);
    return new Content(changed);
  }

  /** Grown to {@code blockCount} blocks; the new ones are unwritten. Never shrinks. */
  public Content grownTo(int blockCount) {
    List<Long> grown = new ArrayList<>(blocks);
    while (grown.size() < blockCount) {
      grown.add(0L);
    }
    return new Content(grown);
  }

  /** True when this content starts with exactly the blocks of {@code other}. */
  public boolean startsWith(Content other) {
    return blocks.size() >= other.blocks.size()
        && blocks.subList(0, other.blocks.size()).equals(other.blocks);
  }

  @Override
  public String toString() {
    return blocks.toString().replace(" ", "");
  }
}
