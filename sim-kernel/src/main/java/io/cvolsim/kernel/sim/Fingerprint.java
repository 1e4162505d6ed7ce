package io.cvolsim.kernel.sim;

import java.nio.charset.StandardCharsets;

/**
 * A 64-bit FNV-1a hash over the trace text, fed line by line. FNV-1a is fixed and documented, so
 * a fingerprint means the same on every JDK and machine; it is not for security.
 */
public final class Fingerprint {
  private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;
  private long hash = OFFSET_BASIS;

  public void add(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      hash ^= (b & 0xff);
      hash *= PRIME;
    }
    hash ^= '\n';
    hash *= PRIME;
  }

  public void add(long value) {
    for (int shift = 0; shift < 64; shift += 8) {
      hash ^= (value >>> shift) & 0xff;
      hash *= PRIME;
    }
  }

  public long value() {
    return hash;
  }

  public static String hex(long value) {
    return String.format("%016x", value);
  }
}
