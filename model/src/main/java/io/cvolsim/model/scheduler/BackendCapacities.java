package io.cvolsim.model.scheduler;

import io.cvolsim.model.capacity.CapacityOptions;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One scheduler's in-memory free capacity per backend (reference §4.3: not shared between
 * schedulers; bug #1751057): replaced by each report taken in, lowered by each placement. A
 * placement also makes reports stamped before it too old to take in, as Cinder's
 * consume_from_volume moves the backend's {@code updated} to now. Inert while the limit is off.
 */
final class BackendCapacities {
  /** What this scheduler believes of a backend, the report it came from, and its last placement there. */
  record View(long freeGb, String baseReportName, long consumedAtLocalNanos) {}

  private final CapacityOptions options;
  private final SortedMap<String, View> views = new TreeMap<>();

  BackendCapacities(CapacityOptions options) {
    this.options = options;
  }

  boolean isLimited() {
    return options.isLimited();
  }

  long limitGb() {
    return options.limitGb();
  }

  /** The CapacityFilter: a backend whose free capacity is unknown passes, as in Cinder. */
  boolean fits(String backend, long sizeGb) {
    View view = views.get(backend);
    return !options.isLimited() || view == null || view.freeGb() >= sizeGb;
  }

  /** A report stamped before this scheduler's last placement on the backend is dropped whole. */
  boolean placedSince(String backend, long reportStampNanos) {
    View view = views.get(backend);
    return options.isLimited() && view != null && view.consumedAtLocalNanos() > reportStampNanos;
  }

  void take(String backend, long freeGb, String reportName) {
    if (options.isLimited()) {
      views.put(backend, new View(freeGb, reportName, Long.MIN_VALUE));
    }
  }

  /** consume_from_volume; returns the view the placement was decided on. */
  View consume(String backend, long sizeGb, long nowLocalNanos) {
    View before = views.getOrDefault(backend, new View(Long.MAX_VALUE, "", Long.MIN_VALUE));
    views.put(backend, new View(before.freeGb() - sizeGb, before.baseReportName(), nowLocalNanos));
    return before;
  }
}
