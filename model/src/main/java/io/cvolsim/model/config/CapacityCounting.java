package io.cvolsim.model.config;

/**
 * How a c-vol counts the allocated capacity it reports to the schedulers (S13's capacity half,
 * reference §4.3, bug #1751057). The modelled driver reports no provisioned_capacity_gb, so the
 * schedulers' CapacityFilter trusts this count.
 */
public enum CapacityCounting {
  /**
   * Cinder since 2018: each process keeps its own counter, recounted from the database at start
   * (available and in-use volumes of its cluster) and raised when a create starts, so a report
   * sent while the create runs already holds it.
   */
  AT_START("at-start"),
  /** Cinder before the #1751057 fix: the counter rises only when a create has finished. */
  AT_FINISH("at-finish"),
  /**
   * Proposed by this harness: each report sums the backend's volumes in the database, where the
   * scheduler wrote the host before casting, so no member's report misses another member's create.
   */
  DATABASE("database");

  private final String optionValue;

  CapacityCounting(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }
}
