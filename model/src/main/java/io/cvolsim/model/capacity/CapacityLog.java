package io.cvolsim.model.capacity;

import io.cvolsim.model.service.ServiceLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * What S13's capacity half needs, stamped with TRUE time (no protocol decision reads it): when a
 * c-vol composed a report and what it said, when a scheduler took a report's capacity in, each
 * placement with the scheduler's view of the backend, and when each create started and when its
 * capacity was given back.
 */
public final class CapacityLog {
  /** A report composed by {@code reporter} (its name is reporter@stamp) saying {@code freeGb}. */
  public record ReportComposed(long trueTimeNanos, String reporter, String backend, long stampNanos, long freeGb) {
    public String reportName() {
      return ServiceLog.reportName(reporter, stampNanos);
    }
  }

  /** A scheduler replaced its view of a backend with a report's. */
  public record ReportTaken(long trueTimeNanos, String scheduler, String backend, String reportName) {}

  /**
   * A scheduler placed a create of {@code sizeGb} on a backend whose free capacity it believed was
   * {@code viewFreeGb}, its view last replaced by {@code baseReportName}.
   */
  public record Placement(long trueTimeNanos, String scheduler, String backend, String volumeId, long sizeGb,
      long viewFreeGb, String baseReportName, long limitGb) {}

  /** A c-vol started creating a volume on a backend (the moment Cinder counts it since 2018). */
  public record CreateStarted(long trueTimeNanos, String node, String backend, String volumeId, long sizeGb) {}

  /** A c-vol's create ended in the process that started it, on the array or not. */
  public record CreateEnded(long trueTimeNanos, String node, String volumeId, boolean created) {}

  /** A volume's capacity was given back: deleted, rescheduled elsewhere, or its create failed. */
  public record Released(long trueTimeNanos, String node, String volumeId, String reason) {}

  private final LongSupplier trueClock;
  private final List<ReportComposed> reports = new ArrayList<>();
  private final SortedMap<String, Long> countedAt = new TreeMap<>();
  private final List<ReportTaken> taken = new ArrayList<>();
  private final List<Placement> placements = new ArrayList<>();
  private final List<CreateStarted> starts = new ArrayList<>();
  private final List<CreateEnded> ends = new ArrayList<>();
  private final List<Released> releases = new ArrayList<>();

  public CapacityLog(LongSupplier trueClock) {
    this.trueClock = trueClock;
  }

  /**
   * {@code reporter} is reading what its next report will say: the counter, or for
   * counting=database the sum it asks for (whose answer holds every volume placed before now).
   */
  public void counting(String reporter) {
    countedAt.put(reporter, now());
  }

  /** The report {@code reporter} counted last is sent; it describes the moment of that count. */
  public void reportComposed(String reporter, String backend, long stampNanos, long freeGb) {
    reports.add(new ReportComposed(countedAt.getOrDefault(reporter, now()), reporter, backend, stampNanos, freeGb));
  }

  private long now() {
    return trueClock.getAsLong();
  }

  public void reportTaken(String scheduler, String backend, String reportName) {
    taken.add(new ReportTaken(now(), scheduler, backend, reportName));
  }

  public void placed(String scheduler, String backend, String volumeId, long sizeGb, long viewFreeGb,
      String baseReportName, long limitGb) {
    placements.add(new Placement(now(), scheduler, backend, volumeId, sizeGb, viewFreeGb, baseReportName, limitGb));
  }

  public void createStarted(String node, String backend, String volumeId, long sizeGb) {
    starts.add(new CreateStarted(now(), node, backend, volumeId, sizeGb));
  }

  public void createEnded(String node, String volumeId, boolean created) {
    ends.add(new CreateEnded(now(), node, volumeId, created));
  }

  public void released(String node, String volumeId, String reason) {
    releases.add(new Released(now(), node, volumeId, reason));
  }

  public List<ReportComposed> reports() {
    return Collections.unmodifiableList(reports);
  }

  public List<ReportTaken> taken() {
    return Collections.unmodifiableList(taken);
  }

  public List<Placement> placements() {
    return Collections.unmodifiableList(placements);
  }

  public List<CreateStarted> starts() {
    return Collections.unmodifiableList(starts);
  }

  public List<CreateEnded> ends() {
    return Collections.unmodifiableList(ends);
  }

  public List<Released> releases() {
    return Collections.unmodifiableList(releases);
  }
}
