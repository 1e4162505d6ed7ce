package io.cvolsim.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The build's rules: determinism (kernel and model read nothing ambient) and layering (the
 * module dependencies of DESIGN.md). Written as functions of package patterns so that the
 * negative tests apply the very same rules to deliberately bad fixtures.
 */
public final class ArchitectureRules {
  private ArchitectureRules() {}

  /** No wall clock, unseeded randomness, threads, identity hashes or hash-ordered collections. */
  public static ArchRule noAmbientNondeterminism(String... packages) {
    return CompositeArchRule.of(noClasses().that().resideInAnyPackage(packages)
            .should().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.SecureRandom")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.SplittableRandom")
            .orShould().dependOnClassesThat().resideInAnyPackage("java.util.concurrent..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.HashMap")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.HashSet")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Hashtable")
            .because("iteration order and timing must come from the seed, never from the JVM"))
        .and(noClasses().that().resideInAnyPackage(packages)
            .should().callMethodWhere(bannedCall())
            .because("the kernel owns time and randomness; protocol code reads only what it is handed"));
  }

  private static DescribedPredicate<JavaCall<?>> bannedCall() {
    return DescribedPredicate.describe("reads the wall clock, draws unseeded randomness, uses an "
        + "identity hash or builds a collection with JVM-salted iteration order", call -> {
          String owner = call.getTargetOwner().getFullName();
          String name = call.getName();
          return (owner.equals("java.lang.System") && (name.equals("currentTimeMillis")
                  || name.equals("nanoTime") || name.equals("identityHashCode") || name.equals("getenv")))
              || (owner.equals("java.lang.Math") && name.equals("random"))
              || (owner.equals("java.lang.StrictMath") && name.equals("random"))
              || (owner.equals("java.util.UUID") && name.equals("randomUUID"))
              || (owner.startsWith("java.time.") && name.equals("now"))
              || ((owner.equals("java.util.Set") || owner.equals("java.util.Map"))
                  && (name.equals("of") || name.equals("copyOf") || name.equals("ofEntries")))
              || (owner.equals("java.util.stream.Collectors") && (name.equals("toSet")
                  || name.equals("toMap") || name.equals("groupingBy") || name.equals("toUnmodifiableSet")
                  || name.equals("toUnmodifiableMap")));
        });
  }

  /**
   * A message's true send time is for the logs checkers read, never for a node's decisions: only
   * the classes named (the array, which dates what it accepts) may read it.
   */
  public static ArchRule trueSendTimeOnlyFor(String packagePattern, String... allowedClasses) {
    return noClasses().that().resideInAPackage(packagePattern)
        .and(DescribedPredicate.describe("not one of " + String.join(", ", allowedClasses),
            javaClass -> !java.util.List.of(allowedClasses).contains(javaClass.getName())))
        .should().callMethodWhere(DescribedPredicate.describe("reads Incoming.sentAtNanos", call ->
            call.getTargetOwner().getFullName().equals("io.cvolsim.kernel.api.Incoming")
                && call.getName().equals("sentAtNanos")))
        .because("true time is the kernel's: a node that decided on it would know what no real process can")
        .allowEmptyShould(true);
  }

  /** DESIGN.md's dependency arrows, for classes under {@code root} ("io.cvolsim"). */
  public static ArchRule layering(String root) {
    // Empty layers are allowed so the same rules can judge a fixture holding one layer only.
    return CompositeArchRule.of(onlyDependsOn(root + ".kernel..", "java..", root + ".kernel.."))
        .and(onlyDependsOn(root + ".model..", "java..", root + ".kernel.api..", root + ".model.."))
        .and(noClasses().that().resideInAPackage(root + ".checker..").should().dependOnClassesThat()
            .resideInAnyPackage(root + ".kernel..", root + ".model..", root + ".scenarios..",
                root + ".reports..", root + ".cli..").allowEmptyShould(true))
        .and(noClasses().that().resideInAPackage(root + ".reports..").should().dependOnClassesThat()
            .resideInAnyPackage(root + ".kernel..", root + ".model..", root + ".scenarios..", root + ".cli..")
            .allowEmptyShould(true))
        .and(noClasses().that().resideInAPackage(root + ".scenarios..").should().dependOnClassesThat()
            .resideInAnyPackage(root + ".cli..").allowEmptyShould(true));
  }

  private static ArchRule onlyDependsOn(String layer, String... allowed) {
    return noClasses().that().resideInAPackage(layer).should().dependOnClassesThat(
        DescribedPredicate.describe("outside " + String.join(", ", allowed),
            target -> !target.isPrimitive() && !target.isArray() && !inAny(target.getPackageName(), allowed)))
        .allowEmptyShould(true);
  }

  private static boolean inAny(String packageName, String... patterns) {
    for (String pattern : patterns) {
      String prefix = pattern.substring(0, pattern.length() - 2);
      if (packageName.equals(prefix) || packageName.startsWith(prefix + ".")) {
        return true;
      }
    }
    return false;
  }
}
