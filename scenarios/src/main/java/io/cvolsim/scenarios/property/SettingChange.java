package io.cvolsim.scenarios.property;

import java.util.List;

/** One setting a shrink lowered: {@code run.duration: 60s -> 2151ms}. */
public record SettingChange(String key, String from, String to) {
  @Override
  public String toString() {
    return key + ": " + from + " -> " + to;
  }

  /** Adds {@code change} to {@code changes}, merged with an earlier change of the same key. */
  static void merge(List<SettingChange> changes, SettingChange change) {
    for (int i = 0; i < changes.size(); i++) {
      if (changes.get(i).key().equals(change.key())) {
        changes.set(i, new SettingChange(change.key(), changes.get(i).from(), change.to()));
        return;
      }
    }
    changes.add(change);
  }
}
