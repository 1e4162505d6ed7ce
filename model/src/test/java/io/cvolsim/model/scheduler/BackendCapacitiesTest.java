package io.cvolsim.model.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.model.capacity.CapacityOptions;
import io.cvolsim.model.config.CapacityCounting;
import org.junit.jupiter.api.Test;

/** One scheduler's free capacity per backend, as Cinder's host manager keeps it. */
class BackendCapacitiesTest {
  private final BackendCapacities limited = new BackendCapacities(new CapacityOptions(4, CapacityCounting.AT_START));

  @Test
  void unknownCapacity_passesTheFilter_asCinderLetsUnknownFreeSpaceThrough() {
    assertThat(limited.fits("cluster1@lvm", 100)).isTrue();
  }

  @Test
  void aReportSetsTheView_andEachPlacementLowersIt() {
    limited.take("cluster1@lvm", 2, "c-vol-1@10");
    assertThat(limited.consume("cluster1@lvm", 1, 20).freeGb()).isEqualTo(2);
    assertThat(limited.fits("cluster1@lvm", 1)).isTrue();
    limited.consume("cluster1@lvm", 1, 21);
    assertThat(limited.fits("cluster1@lvm", 1)).isFalse();
  }

  @Test
  void aReportStampedBeforeTheLastPlacement_isTooOld() {
    limited.take("cluster1@lvm", 2, "c-vol-1@10");
    limited.consume("cluster1@lvm", 1, 20);
    assertThat(limited.placedSince("cluster1@lvm", 15)).isTrue();
    assertThat(limited.placedSince("cluster1@lvm", 25)).isFalse();
  }

  @Test
  void withoutALimit_nothingIsFilteredOrDropped() {
    BackendCapacities unlimited = new BackendCapacities(CapacityOptions.unlimited());
    unlimited.take("cluster1@lvm", 0, "c-vol-1@10");
    unlimited.consume("cluster1@lvm", 5, 20);
    assertThat(unlimited.fits("cluster1@lvm", 1000)).isTrue();
    assertThat(unlimited.placedSince("cluster1@lvm", 15)).isFalse();
  }
}
