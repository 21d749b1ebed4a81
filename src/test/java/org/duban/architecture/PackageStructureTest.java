package org.duban.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
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

  @ArchTest
  static final ArchRule namesDependOnNoFeature =
      noClasses()
          .that()
          .resideInAPackage("org.duban.names..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.duban.round..",
              "org.duban.supervision..",
              "org.duban.modeling..",
              "org.duban.evaluation..",
              "org.duban.identity..",
              "org.duban.forms..",
              "org.duban.evidence..",
              "org.duban.security..",
              "org.duban.planimport..",
              "org.duban.audit..",
              "org.duban.oversight..",
              "org.duban.demo..",
              "org.duban.startup..",
              "org.duban.importer..");

  @ArchTest
  static final ArchRule configurationDependsOnNothingOfTheProject =
      noClasses()
          .that()
          .resideInAPackage("org.duban.config..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("org.duban..").and(resideOutsideOfPackage("org.duban.config..")));
}
