package io.cvolsim.scenarios.deployment;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Silences from the DLM are cut to the budget, and faults closer than one heart period add up. */
class DlmSilenceBudgetTest {
  private static final NodeId CVOL_1 = NodeId.of("c-vol-1");
  private static final NodeId CVOL_2 = NodeId.of("c-vol-2");
  private final DlmSilenceBudget budget = new DlmSilenceBudget(seconds(100));

  @Test
  void aSilenceWithinTheBudget_keepsItsLength_aLongerOneIsCut() {
    assertThat(budget.allow(CVOL_1, seconds(10), seconds(95))).isEqualTo(seconds(95));
    assertThat(budget.allow(CVOL_2, seconds(10), seconds(150))).isEqualTo(seconds(110));
  }

  /** Hardened seed 1219: an 85 s stall, then a cut from etcd that began before the stall ended. */
  @Test
  void aCutDuringOrJustAfterAStall_sharesItsBudget() {
    assertThat(budget.allow(CVOL_1, seconds(54), seconds(139))).isEqualTo(seconds(139));
    assertThat(budget.allow(CVOL_1, seconds(135), seconds(170))).isEqualTo(seconds(154));
    assertThat(budget.allow(CVOL_1, seconds(160), seconds(200))).isEqualTo(seconds(160)); // none left: left out
  }

  @Test
  void silencesMoreThanAHeartPeriodApart_areSeparate() {
    assertThat(budget.allow(CVOL_1, seconds(0), seconds(90))).isEqualTo(seconds(90));
    assertThat(budget.allow(CVOL_1, seconds(106), seconds(196))).isEqualTo(seconds(196));
  }

  @Test
  void aSplit_isCutToTheNodeWithTheLeastBudgetLeft() {
    budget.allow(CVOL_1, seconds(0), seconds(80));
    assertThat(budget.allowAll(List.of(CVOL_1, CVOL_2), seconds(90), seconds(150))).isEqualTo(seconds(100));
    assertThat(budget.allow(CVOL_2, seconds(101), seconds(150))).isEqualTo(seconds(150)); // c-vol-2's episode began at 90
  }
}
