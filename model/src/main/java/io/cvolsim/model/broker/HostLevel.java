package io.cvolsim.model.broker;

/** Which part of {@code host@backend#pool} to extract, as Cinder's {@code extract_host} levels. */
public enum HostLevel {
  /** {@code host}: before the {@code @}, pool removed. */
  HOST,
  /** {@code host@backend}: the pool removed; Cinder's default level. */
  BACKEND,
  /** {@code pool}: after the {@code #}, or none. */
  POOL
}
