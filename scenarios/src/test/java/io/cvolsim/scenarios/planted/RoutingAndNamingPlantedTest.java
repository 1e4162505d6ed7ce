package io.cvolsim.scenarios.planted;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.scenarios.config.Presets;
import io.cvolsim.scenarios.property.PropertyCheck;
import io.cvolsim.scenarios.property.SeedBudget;
import org.junit.jupiter.api.Test;

/**
 * V4 and V5 planted into the hardened preset, so that the one unsafe choice is what breaks.
 * First failing seeds measured on 2026-11-30: host-queue routing at seed 2 (L1: a create pushed
 * to a member that died before consuming it sits in that member's queue), shared host at seed 40
 * (S8: a member's start-up cleanup takes the row of work another member still runs); since
 * heartbeats are stamped by the database under the hardened preset, the shared host first fails at
 * seed 77, and since cut links hold their messages (net.tcp_hold=on) at 58, then 71; since the
 * deployment's window is 180 s with stalls that wait for a claim and faults drawn as they start,
 * at seed 8.
 */
class RoutingAndNamingPlantedTest {

  private static PropertyCheck hardenedWith(String unsafe) {
    PropertyCheck check = PropertyCheck.forScenario("deployment");
    Presets.HARDENED.assignments().forEach(check::with);
    return check.with(unsafe);
  }

  @Test
  void v4_pushingCreatesToAChosenMember_strandsJobsOnDeadNodes() {
    // First failing seed: 21 since hardened's 120 s lease and database-stamped reports (2 of seeds
    // 1..40; before, within 1..10).
    PropertyCheck.Found found = hardenedWith("scheduler.routing=host-queue")
        .budget(new SeedBudget(20, 22, 300, 30, 300)).expectViolation("L1 eventual finality");
    assertThat(found.seed()).isEqualTo(21);
  }

  /**
   * V6: host-based start-up cleanup resets this host's creating and deleting volumes but never
   * touches the workers table, so a restarted member consumes new work while rows of its previous
   * life are still its own and unclaimed (L2). With a shared host it also takes its peers' work
   * (S8; see V5 below).
   */
  @Test
  void v6_hostBasedStartupCleanup_leavesItsOwnRowsBehind() {
    // First failing seed: 9 since hardened's 120 s lease and database-stamped reports (5 before;
    // 1 of seeds 1..40); baseline hardened (workers cleanup): 0 of 300.
    hardenedWith("cleanup.startup=host").seeds(8, 10).expectViolation("L2 cleanup availability");
  }

  @Test
  void v5_oneHostForAllMembers_cleansUpWorkThatStillRuns() {
    // First failing seed: 99 since hardened's 120 s lease and database-stamped reports (6 of seeds
    // 61..400; 8 before).
    PropertyCheck.Found found = hardenedWith("volume.host_naming=shared")
        .budget(new SeedBudget(98, 100, 400, 30, 300)).expectViolation("S8 no cleanup while the owner works");
    assertThat(found.seed()).isEqualTo(99);
  }
}
