package org.duban.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The feature packages form a layering, never a cycle: the shared names (process keys, element ids,
 * variables, notice types) sit in {@code names}, below everyone who uses them, with the catalog and
 * the configuration beneath.
 */
@AnalyzeClasses(packages = "org.duban", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageStructureTest {

  @ArchTest
  static final ArchRule featurePackagesAreFreeOfCycles =
      slices().matching("org.duban.(*)..").should().beFreeOfCycles();

  /** Whatever feature package comes next, names stay below it: only the catalog is beneath. */
  @ArchTest
  static final ArchRule namesDependOnNoFeature =
      noClasses()
          .that()
          .resideInAPackage("org.duban.names..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("org.duban..")
                  .and(
                      resideOutsideOfPackages(
                          "org.duban.names..", "org.duban.catalog..", "org.duban.config..")));

  @ArchTest
  static final ArchRule configurationDependsOnNothingOfTheProject =
      noClasses()
          .that()
          .resideInAPackage("org.duban.config..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("org.duban..").and(resideOutsideOfPackage("org.duban.config..")));

  /**
   * What a plan's models are built from reads the clock only through {@code ModelClock}, which
   * tells how long the models stay the same: {@code PlanDeployment} skips building unchanged plans
   * on that ground.
   */
  @ArchTest
  static final ArchRule modelsReadTheClockOnlyThroughModelClock =
      noClasses()
          .that(
              resideInAPackage("org.duban.modeling..")
                  .or(resideInAPackage("org.duban.catalog.."))
                  .or(resideInAPackage("org.duban.names.."))
                  .or(resideInAPackage("org.duban.config.."))
                  .or(
                      com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf(
                          org.duban.schedule.RoundRules.class)))
          .and()
          .doNotHaveFullyQualifiedName("org.duban.modeling.ModelClock")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("org.camunda.bpm.engine.impl.util.ClockUtil")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName(java.time.Clock.class.getName())
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(java.time.Instant.class, "now")
          .orShould()
          .callMethod(java.time.LocalDate.class, "now")
          .orShould()
          .callMethod(java.time.LocalDateTime.class, "now")
          .orShould()
          .callMethod(java.time.ZonedDateTime.class, "now")
          .orShould()
          .callConstructor(java.util.Date.class);
}
