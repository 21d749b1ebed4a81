package org.duban.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.duban.catalog.CatalogException;
import org.duban.catalog.CatalogReader;
import org.duban.catalog.PlanCatalog;
import org.junit.jupiter.api.Test;

/** How often a unit may ask is the catalog's, checked when it loads; so is how far it may ask. */
class ExtensionCatalogRuleTest {

  static final String CATALOG =
      """
      plan:
        id: demo-2024
        government: demo
        city: 示范
        title: 示范市知识产权工作方案
        period: {from: 2024, to: 2026}
        coordinatingOffice: {id: demo-office, name: 市知识产权工作领导小组办公室}
        responsibility: LEAD_FIRST
      escalation:
        reminderBefore: P3D
      units:
        - {id: demo-zhishichanquanju, name: 市知识产权局}
      tasks:
        - number: 一.1
          title: 强化金融支撑
          lead: 市知识产权局
      """;

  final CatalogReader reader = new CatalogReader();

  @Test
  void shouldAllowOneRequestPerTaskUnlessTheCatalogSaysOtherwise() {
    assertThat(reader.read("plans/demo.yaml", CATALOG).escalation().extensionsAllowed())
        .isEqualTo(1);
    assertThat(
            reader
                .read("plans/demo.yaml", CATALOG.replace("P3D\n", "P3D\n  extensionsAllowed: 2\n"))
                .escalation()
                .extensionsAllowed())
        .isEqualTo(2);
  }

  @Test
  void shouldRefuseALimitOutOfRangeNamingFileLineAndField() {
    assertThatThrownBy(
            () ->
                reader.read(
                    "plans/demo.yaml", CATALOG.replace("P3D\n", "P3D\n  extensionsAllowed: -1\n")))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("plans/demo.yaml")
        .hasMessageContaining("[escalation.extensionsAllowed]")
        .hasMessageContaining("between 0 (no extensions) and 10");
  }

  @Test
  void shouldExtendAtMostToTheRoundsYearEndOrByTheMinimumLeadTimeOnceItIsOver() {
    PlanCatalog plan = reader.read("plans/demo.yaml", CATALOG);

    assertThat(LatestDue.of(plan, 2025, LocalDate.of(2025, 12, 5)))
        .as("a 2025 round stays in 2025")
        .isEqualTo(LocalDate.of(2025, 12, 31));
    assertThat(LatestDue.of(plan, null, LocalDate.of(2025, 12, 5)))
        .as("a request that kept no year: the plan's end")
        .isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(LatestDue.of(plan, 2026, LocalDate.of(2027, 3, 1)))
        .as("a past year's round opened after the period")
        .isEqualTo(LocalDate.of(2027, 3, 31));
  }
}
