package org.duban.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.duban.catalog.CatalogReader;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.Target;
import org.duban.catalog.TargetDirection;
import org.duban.catalog.TaskEntry;
import org.junit.jupiter.api.Test;

/** Value against target, with the direction the plan states, and which targets a round declares. */
class TargetVerdictTest {

  static final Target FLOOR = new Target("每万人口高价值发明专利拥有量", 2026, new BigDecimal("6"), "件");
  static final Target CEILING =
      new Target("侵权案件平均处理周期", 2026, new BigDecimal("30"), "天")
          .withDirection(TargetDirection.AT_MOST);

  @Test
  void aFloorIsMetAtOrAboveItsValueAndACeilingAtOrBelow() {
    assertThat(TargetVerdict.of(FLOOR, 2026, new BigDecimal("5.2")))
        .isEqualTo(TargetVerdict.MISSED);
    assertThat(TargetVerdict.of(FLOOR, 2026, new BigDecimal("6.00"))).isEqualTo(TargetVerdict.MET);
    assertThat(TargetVerdict.of(CEILING, 2026, new BigDecimal("31")))
        .isEqualTo(TargetVerdict.MISSED);
    assertThat(TargetVerdict.of(CEILING, 2026, new BigDecimal("30"))).isEqualTo(TargetVerdict.MET);
    assertThat(TargetVerdict.gap(FLOOR, 2026, new BigDecimal("5.20"))).isEqualByComparingTo("-0.8");
  }

  @Test
  void withoutAValueForTheYearOrWithoutAReportThereIsNoVerdict() {
    assertThat(TargetVerdict.of(FLOOR, 2025, new BigDecimal("7")))
        .isEqualTo(TargetVerdict.NO_TARGET);
    assertThat(TargetVerdict.of(FLOOR, 2026, null)).isEqualTo(TargetVerdict.NO_TARGET);
    assertThat(TargetVerdict.gap(FLOOR, 2025, new BigDecimal("7"))).isNull();
    assertThat(TargetVerdict.NO_TARGET.label).isEqualTo("无目标值");
  }

  @Test
  void aRoundDeclaresEachIndicatorOnceWithTheYearsOwnTargetOrTheNextOne() {
    PlanCatalog plan = anshan();
    TaskEntry task = plan.task("六.1").orElseThrow();

    assertThat(RoundTargets.declared(plan, task, 2012))
        .filteredOn(t -> t.indicator().equals("专利累计申请"))
        .singleElement()
        .satisfies(t -> assertThat(t.year()).isEqualTo(2015));
    assertThat(RoundTargets.declared(plan, task, 2015))
        .filteredOn(t -> t.indicator().equals("专利累计申请"))
        .singleElement()
        .satisfies(t -> assertThat(t.value()).isEqualByComparingTo("3.5"));
    assertThat(RoundTargets.declared(plan, task, 2016))
        .extracting(Target::indicator)
        .as("中国驰名商标 states 2010 and 2015 only")
        .doesNotContain("中国驰名商标")
        .contains("专利累计申请");
    assertThat(RoundTargets.declared(plan, plan.task("九.2").orElseThrow(), 2012))
        .extracting(Target::indicator)
        .doesNotContain("专利累计申请")
        .contains("市地方标准");
  }

  @Test
  void onlyTheLeadsFigureIsJudged() {
    List<TargetResult> rows =
        RoundTargets.results(List.of(FLOOR, CEILING), 2026, Map.of(FLOOR.indicator(), 7));
    assertThat(rows).extracting(TargetResult::verdictLabel).containsExactly("达标", "无目标值");
    assertThat(rows.get(1).reported()).isNull();
    assertThat(rows.get(1).direction()).isEqualTo("不高于");
  }

  @Test
  void aHalfYearsValueIsAnInterimFigureNotJudgedAgainstTheYearsTarget() {
    List<TargetResult> rows =
        RoundTargets.results(
            List.of(FLOOR), 2026, org.duban.catalog.ReportPeriod.H1, Map.of(FLOOR.indicator(), 3));
    assertThat(rows.get(0).reported()).isEqualByComparingTo("3");
    assertThat(rows.get(0).verdictLabel()).isEqualTo("无目标值");
    assertThat(rows.get(0).gap()).isNull();
  }

  private static PlanCatalog anshan() {
    try {
      String file = "plans/anshan-2009.yaml";
      return new CatalogReader()
          .read(file, java.nio.file.Files.readString(java.nio.file.Path.of(file)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
