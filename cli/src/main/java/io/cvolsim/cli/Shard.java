package io.cvolsim.cli;

import java.util.ArrayList;
import java.util.List;

/** {@code --shard I/N}: the I-th (1-based) of N interleaved slices of a seed range. */
record Shard(int index, int count) {
  static Shard parse(String text) {
    if (text == null) {
      return new Shard(1, 1);
    }
    String[] parts = text.split("/");
    try {
      Shard shard = new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
      if (parts.length != 2 || shard.count < 1 || shard.index < 1 || shard.index > shard.count) {
        throw new IllegalArgumentException("--shard takes I/N with 1 <= I <= N, not '" + text + "'");
      }
      return shard;
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("--shard takes I/N with whole numbers, not '" + text + "'");
    }
  }

  List<Long> select(SeedRange range) {
    List<Long> seeds = new ArrayList<>();
    for (long seed = range.first(); seed <= range.last(); seed++) {
      if ((seed - range.first()) % count == index - 1) {
        seeds.add(seed);
      }
    }
    return seeds;
  }
}
