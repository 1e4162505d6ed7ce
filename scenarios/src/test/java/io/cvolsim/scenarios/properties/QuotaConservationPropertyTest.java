package io.cvolsim.scenarios.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** S13 on a database at the end: usage must count the live volumes and hold no reservation. */
class QuotaConservationPropertyTest {
  private static Row volume(String id, boolean deleted) {
    return Row.of(Row.values("id", id, "status", deleted ? "deleted" : "available", "deleted", deleted));
  }

  private static PropertyResult check(long inUse, long reserved) {
    return QuotaConservationProperty.check(Map.of(
        Database.QUOTA_USAGES, List.of(Row.of(Row.values("id", "volumes", "in_use", inUse, "reserved", reserved))),
        Database.VOLUMES, List.of(volume("a", false), volume("b", false), volume("c", true))));
  }

  @Test
  void usageCountingTheLiveVolumes_holds() {
    assertThat(check(2, 0).status()).isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void aDoubleRelease_aMissedRelease_orAStrandedReservation_isViolated() {
    assertThat(check(1, 0).witness()).singleElement().asString().contains("released twice");
    assertThat(check(3, 0).witness()).singleElement().asString().contains("never released");
    PropertyResult stranded = check(2, 1);
    assertThat(stranded.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(stranded.witness()).singleElement().asString().contains("never committed or rolled back");
  }

  @Test
  void withoutAUsageRow_isNotExercised() {
    assertThat(QuotaConservationProperty.check(Map.of(Database.VOLUMES, List.of(volume("a", false)))).status())
        .isEqualTo(PropertyStatus.NOT_EXERCISED);
  }
}
