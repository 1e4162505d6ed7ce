package io.cvolsim.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.cvolsim.archfixture.checker.CheckerThatKnowsTheModel;
import io.cvolsim.archfixture.model.ModelThatDecidesOnTrueTime;
import io.cvolsim.archfixture.model.ModelThatReadsTheWallClock;
import io.cvolsim.archfixture.model.ModelThatSleeps;
import io.cvolsim.archfixture.model.ModelThatUsesHashMap;
import io.cvolsim.archfixture.model.ModelThatUsesIdentityHash;
import io.cvolsim.archfixture.model.ModelThatUsesJavaUtilRandom;
import io.cvolsim.archfixture.model.ModelThatUsesMathRandom;
import io.cvolsim.archfixture.model.ModelThatUsesRandomUuid;
import io.cvolsim.archfixture.model.ModelThatUsesSetOf;
import io.cvolsim.archfixture.model.ModelThatUsesThreadLocalRandom;
import io.cvolsim.archfixture.model.ModelThatUsesTheEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules hold for the real code, and each one rejects a class that breaks it. */
class ArchitectureTest {
  private static final JavaClasses PRODUCTION = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.cvolsim");

  @Test
  void kernelAndModel_readNothingAmbient() {
    ArchitectureRules.noAmbientNondeterminism("io.cvolsim.kernel..", "io.cvolsim.model..").check(PRODUCTION);
  }

  /**
   * Scenarios build the worlds, draw the faults and word the verdicts, so they follow the same
   * rule; only {@code scenarios.run}, whose Runner times a run for the report, is left out.
   */
  @Test
  void scenarioWorldsAndProperties_readNothingAmbient() {
    ArchitectureRules.noAmbientNondeterminism("io.cvolsim.scenarios.config..", "io.cvolsim.scenarios.deployment..",
        "io.cvolsim.scenarios.properties..", "io.cvolsim.scenarios.property..", "io.cvolsim.scenarios.slice..",
        "io.cvolsim.scenarios.swarm..", "io.cvolsim.scenarios.workload..").check(PRODUCTION);
  }

  @Test
  void onlyTheArray_readsAMessagesTrueSendTime() {
    ArchitectureRules.trueSendTimeOnlyFor("io.cvolsim.model..", "io.cvolsim.model.storage.StorageArrayNode")
        .check(PRODUCTION);
  }

  @Test
  void trueSendTimeRule_rejectsANodeThatDecidesOnIt() {
    JavaClasses fixture = new ClassFileImporter().importClasses(ModelThatDecidesOnTrueTime.class);
    assertThatThrownBy(() -> ArchitectureRules.trueSendTimeOnlyFor("io.cvolsim.archfixture..").check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ModelThatDecidesOnTrueTime");
  }

  @Test
  void modules_dependOnlyAsDesignDraws() {
    ArchitectureRules.layering("io.cvolsim").check(PRODUCTION);
  }

  @ParameterizedTest
  @ValueSource(classes = {ModelThatReadsTheWallClock.class, ModelThatUsesJavaUtilRandom.class,
      ModelThatUsesMathRandom.class, ModelThatUsesThreadLocalRandom.class, ModelThatUsesRandomUuid.class,
      ModelThatUsesIdentityHash.class, ModelThatSleeps.class, ModelThatUsesHashMap.class,
      ModelThatUsesSetOf.class})
  void determinismRule_rejectsEachBannedApi(Class<?> offender) {
    JavaClasses fixture = new ClassFileImporter().importClasses(offender);
    assertThatThrownBy(() -> ArchitectureRules.noAmbientNondeterminism("io.cvolsim.archfixture..").check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(offender.getSimpleName());
  }

  @Test
  void layeringRule_rejectsModelUsingTheEngine() {
    JavaClasses fixture = new ClassFileImporter().importClasses(ModelThatUsesTheEngine.class);
    assertThatThrownBy(() -> ArchitectureRules.layering("io.cvolsim.archfixture").check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ModelThatUsesTheEngine");
  }

  @Test
  void layeringRule_rejectsCheckerKnowingTheModel() {
    JavaClasses fixture = new ClassFileImporter().importClasses(CheckerThatKnowsTheModel.class);
    assertThatThrownBy(() -> ArchitectureRules.layering("io.cvolsim.archfixture").check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("CheckerThatKnowsTheModel");
  }
}
