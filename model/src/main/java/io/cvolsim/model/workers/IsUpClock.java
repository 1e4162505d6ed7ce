package io.cvolsim.model.workers;

/** Whose clock judges whether a heartbeat is fresh (variant V17, reference §4.4). */
public enum IsUpClock {
  /** Cinder's {@code is_up}: {@code updated_at >= now - service_down_time}, now on the reader's clock. */
  READER("reader"),
  /** The services listing: {@code abs(now - updated_at) <= service_down_time}, skew-symmetric. */
  SYMMETRIC("symmetric"),
  /**
   * {@code now} is the database server's clock, handed in by the caller. Meaningful when the
   * heartbeats are stamped by the database too.
   */
  DB_SERVER("db-server");

  private final String optionValue;

  IsUpClock(String optionValue) {
    this.optionValue = optionValue;
  }

  /** The value as written after {@code --set service.is_up_clock=}. */
  public String optionValue() {
    return optionValue;
  }
}
