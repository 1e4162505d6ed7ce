package io.cvolsim.scenarios.properties;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.model.capacity.CapacityLog;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * S13's capacity half (reference §8): a scheduler's allocated capacity may exceed the backend's
 * limit only by the modelled staleness. A scheduler cannot know what other schedulers placed after
 * the report it holds, nor creates still queued when that report was composed; it must know every
 * create a c-vol had started before the report, and every create it placed itself since taking the
 * report in. A placement the scheduler admitted that those alone push over the limit is a
 * violation: a c-vol counting creates only when they finish (bug #1751057) breaks it, and so does a
 * cluster member whose own counter misses its peers' creates. Placements that go over only by the
 * allowed staleness are shown as caveats. Exercised when backend.capacity_gb is set.
 */
public final class CapacityConservationProperty {
  public static final String NAME = "S13 capacity conservation";
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.ALWAYS);

  private CapacityConservationProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    return check(artifacts.services().capacity(), artifacts.services().events().stream()
        .filter(event -> event.kind() == ServiceLog.Kind.PROCESS_DIED).toList());
  }

  /** {@code deaths}: processes the harness killed, whose unfinished creates nobody counts any more. */
  static PropertyResult check(CapacityLog log, List<ServiceLog.Event> deaths) {
    if (log.placements().isEmpty()) {
      return VERDICTS.notExercised("no create was placed under a provisioning limit (backend.capacity_gb=unlimited)");
    }
    List<String> witness = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    int overProvisioned = 0;
    for (CapacityLog.Placement placement : log.placements()) {
      List<String> known = new ArrayList<>();
      long knowable = knowableGb(log, deaths, placement, known);
      if (placement.limitGb() - knowable < placement.sizeGb()) {
        if (++overProvisioned <= 3) {
          witness.add(describe(placement, knowable));
          witness.add("  known by then: " + String.join(", ", known));
        }
      } else if (placement.limitGb() - allocatedGb(log, placement) < placement.sizeGb()) {
        stale.add(describe(placement, allocatedGb(log, placement)) + ", only by what it could not know yet");
      }
    }
    if (!witness.isEmpty()) {
      return VERDICTS.violated(overProvisioned + " placements over-provisioned a backend with creates the scheduler "
          + "should have known of", witness);
    }
    return VERDICTS.holds(log.placements().size() + " placements under a limit, none over it beyond the staleness of "
        + "the reports" + (stale.isEmpty() ? "" : "; " + stale.size() + " over it by that staleness"),
        stale.subList(0, Math.min(5, stale.size())));
  }

  /**
   * What the placing scheduler must have counted: creates started before its report was composed,
   * and its own placements since it took the report in, none given back before the placement.
   * Names them, and the report, into {@code reasons}.
   */
  private static long knowableGb(CapacityLog log, List<ServiceLog.Event> deaths, CapacityLog.Placement placement,
      List<String> reasons) {
    Optional<CapacityLog.ReportComposed> report = log.reports().stream()
        .filter(composed -> composed.reportName().equals(placement.baseReportName())).findFirst();
    if (report.isEmpty()) {
      return 0;
    }
    long composedAt = report.get().trueTimeNanos();
    long takenAt = takenAt(log, placement);
    long total = 0;
    List<String> named = new ArrayList<>();
    for (CapacityLog.CreateStarted start : log.starts()) {
      if (start.backend().equals(placement.backend()) && start.trueTimeNanos() < composedAt
          && held(log, start.volumeId(), start.trueTimeNanos(), placement.trueTimeNanos())
          && !diedCreating(log, deaths, start, placement.trueTimeNanos())) {
        total += start.sizeGb();
        named.add(start.volumeId() + " (started by " + start.node() + " at " + Durations.formatTimestamp(start.trueTimeNanos()) + ")");
      }
    }
    for (CapacityLog.Placement own : log.placements()) {
      if (own != placement && own.scheduler().equals(placement.scheduler()) && own.backend().equals(placement.backend())
          && own.trueTimeNanos() > takenAt && own.trueTimeNanos() < placement.trueTimeNanos()
          && held(log, own.volumeId(), own.trueTimeNanos(), placement.trueTimeNanos())) {
        total += own.sizeGb();
        named.add(own.volumeId() + " (placed by it at " + Durations.formatTimestamp(own.trueTimeNanos()) + ")");
      }
    }
    reasons.addAll(named);
    reasons.add("its report " + placement.baseReportName() + ", composed at " + Durations.formatTimestamp(composedAt)
        + ", said " + report.get().freeGb() + " GB free");
    return total;
  }

  /** Everything allocated on the backend at the placement, known to the scheduler or not. */
  private static long allocatedGb(CapacityLog log, CapacityLog.Placement placement) {
    long total = 0;
    for (CapacityLog.Placement other : log.placements()) {
      if (other != placement && other.backend().equals(placement.backend())
          && other.trueTimeNanos() < placement.trueTimeNanos()
          && held(log, other.volumeId(), other.trueTimeNanos(), placement.trueTimeNanos())) {
        total += other.sizeGb();
      }
    }
    return total;
  }

  private static long takenAt(CapacityLog log, CapacityLog.Placement placement) {
    long at = Long.MIN_VALUE;
    for (CapacityLog.ReportTaken taken : log.taken()) {
      if (taken.scheduler().equals(placement.scheduler()) && taken.reportName().equals(placement.baseReportName())
          && taken.trueTimeNanos() <= placement.trueTimeNanos()) {
        at = taken.trueTimeNanos();
      }
    }
    return at;
  }

  /** Whether the volume's capacity was not given back between {@code fromNanos} and {@code toNanos}. */
  private static boolean held(CapacityLog log, String volumeId, long fromNanos, long toNanos) {
    return log.releases().stream().noneMatch(release -> release.volumeId().equals(volumeId)
        && release.trueTimeNanos() >= fromNanos && release.trueTimeNanos() < toNanos);
  }

  /**
   * Whether the process that started the create died before it ended and before the placement:
   * its counter died with it, and a restarted one counts only available and in-use volumes.
   */
  private static boolean diedCreating(CapacityLog log, List<ServiceLog.Event> deaths, CapacityLog.CreateStarted start,
      long beforeNanos) {
    long endedAt = log.ends().stream()
        .filter(end -> end.node().equals(start.node()) && end.volumeId().equals(start.volumeId())
            && end.trueTimeNanos() >= start.trueTimeNanos())
        .mapToLong(CapacityLog.CreateEnded::trueTimeNanos).min().orElse(Long.MAX_VALUE);
    return deaths.stream().anyMatch(death -> death.actor().equals(start.node())
        && death.trueTimeNanos() >= start.trueTimeNanos() && death.trueTimeNanos() < Math.min(endedAt, beforeNanos));
  }

  private static String describe(CapacityLog.Placement placement, long allocatedGb) {
    return placement.scheduler() + " placed " + placement.volumeId() + " (" + placement.sizeGb() + " GB) on "
        + placement.backend() + " at " + Durations.formatTimestamp(placement.trueTimeNanos()) + " believing "
        + placement.viewFreeGb() + " GB free, but " + allocatedGb + " of its " + placement.limitGb()
        + " GB were allocated";
  }
}
