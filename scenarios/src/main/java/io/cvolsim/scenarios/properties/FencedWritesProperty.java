package io.cvolsim.scenarios.properties;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.model.storage.IoLogEntry;
import io.cvolsim.model.storage.IoOutcome;
import io.cvolsim.model.storage.StorageLogFindings;
import io.cvolsim.model.storage.StorageOperation;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Fenced writes refused (reference §6 (c), (d)): once a node is fenced, the array accepts no new
 * call from it. Violations: a call the array accepted from a node whose access was revoked and
 * not restored ({@link StorageLogFindings#acceptedWhileRevoked}), and an accepted call from a
 * node the harness powered off, sent after the power-off (the harness failed to stop it;
 * a fenced node is taken as off until the end of the run). Calls started before the fence and
 * still running after it, or sent before it and arriving after, are zombie writes: the array
 * cannot recall them (§6 (b), T_abort_max), so they are listed as caveats, and S1 judges whether
 * they conflicted. Exercised when a
 * revocation completed or a node was powered off.
 */
public final class FencedWritesProperty {
  public static final String NAME = "fenced writes refused";
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.ALWAYS);

  private FencedWritesProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    return check(artifacts.storage().entries(), artifacts.fencedNodes(), artifacts.fenceEndedNanos());
  }

  static PropertyResult check(List<IoLogEntry> entries, Map<String, Long> fencedNodes) {
    return check(entries, fencedNodes, Collections.emptyMap());
  }

  /** {@code fenceEnded}: when a powered-off node was started again; its new incarnation may write. */
  static PropertyResult check(List<IoLogEntry> entries, Map<String, Long> fencedNodes, Map<String, Long> fenceEnded) {
    long revocations = entries.stream().filter(entry -> entry.call().operation() == StorageOperation.REVOKE_ACCESS
        && entry.outcome() == IoOutcome.COMPLETED).count();
    if (revocations == 0 && fencedNodes.isEmpty()) {
      return VERDICTS.notExercised("no node was fenced");
    }
    List<String> witness = new ArrayList<>();
    StorageLogFindings.acceptedWhileRevoked(entries)
        .forEach(entry -> witness.add("accepted while its caller was revoked: " + entry));
    for (IoLogEntry entry : entries) {
      Long fencedAt = fencedNodes.get(entry.call().caller().name());
      long endedAt = fenceEnded.getOrDefault(entry.call().caller().name(), Long.MAX_VALUE);
      // Dated by when the caller sent it: a powered-off node sends nothing, so a call sent at the
      // instant of the power-off (the same batch of events) or before it was in flight, not new.
      if (fencedAt != null && entry.outcome().isAccepted() && entry.issuedNanos() > fencedAt
          && entry.issuedNanos() < endedAt) {
        witness.add("accepted after its caller was powered off at " + Durations.formatTimestamp(fencedAt)
            + ": " + entry);
      }
    }
    List<String> zombies = storageZombies(entries, fencedNodes).stream()
        .map(zombie -> "caveat: zombie write " + zombie).toList();
    String fenced = revocations + " revocations, " + fencedNodes.size() + " powered-off nodes";
    if (!witness.isEmpty()) {
      int accepted = witness.size();
      witness.addAll(zombies);
      return VERDICTS.violated(fenced + "; " + accepted + " calls accepted after the fence", witness);
    }
    return VERDICTS.holds(fenced + "; nothing accepted after a fence; " + zombies.size() + " zombie writes", zombies);
  }

  /** Storage calls still running when their caller was revoked or powered off. */
  static List<String> storageZombies(List<IoLogEntry> entries, Map<String, Long> fencedNodes) {
    List<String> found = new ArrayList<>();
    StorageLogFindings.runningAcrossRevocation(entries)
        .forEach(overlap -> found.add("ran across its caller's revocation: " + overlap.first()));
    for (IoLogEntry entry : entries) {
      Long fencedAt = fencedNodes.get(entry.call().caller().name());
      if (fencedAt == null || !entry.outcome().isAccepted()) {
        continue;
      }
      if (entry.startNanos() <= fencedAt && entry.endNanos() > fencedAt) {
        found.add("ran across its caller's power-off at " + Durations.formatTimestamp(fencedAt) + ": " + entry);
      } else if (entry.issuedNanos() <= fencedAt && entry.startNanos() > fencedAt) {
        found.add("sent before its caller's power-off at " + Durations.formatTimestamp(fencedAt) + ", at "
            + Durations.formatTimestamp(entry.issuedNanos()) + ", and arrived after: " + entry);
      }
    }
    return found;
  }
}
