package org.duban.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.MonthDay;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad catalogs stop start-up with file, line and field named. */
class CatalogReaderTest {

  static final String GOOD =
      """
      plan:
        id: demo-2024
        government: demo
        city: 示范
        title: 示范市知识产权工作方案
        period: {from: 2024, to: 2026}
        coordinatingOffice: {id: demo-office, name: 市知识产权工作领导小组办公室}
        responsibility: LEAD_FIRST
      calendar:
        reportDue: "11-30"
      units:
        - {id: demo-zhishichanquanju, name: 市知识产权局}
        - {id: demo-kejiju, name: 市科技局}
      tasks:
        - number: 一.1
          title: 强化金融支撑
          lead: 市知识产权局
          coUnits: [市科技局]
      """;

  final CatalogReader reader = new CatalogReader();

  @Test
  void shouldReadACatalogAndFillTheDefaultsItLeavesOut() {
    PlanCatalog catalog = reader.read("plans/demo.yaml", GOOD);

    assertThat(catalog.plan().period()).isEqualTo(new PlanPeriod(2024, 2026));
    assertThat(catalog.calendar().reportDue()).isEqualTo(MonthDay.of(11, 30));
    assertThat(catalog.calendar().coUnitLeadTime()).isEqualTo(Period.ofDays(10));
    assertThat(catalog.escalation()).isEqualTo(EscalationRules.DEFAULT);
    assertThat(catalog.task("一.1").orElseThrow().coUnits()).containsExactly("市科技局");
  }

  @Test
  void shouldReadACatalogWithoutUnitsAndRefuseOneWithoutTasksByName() {
    String assigned =
        GOOD.replace("LEAD_FIRST", "ASSIGNED_PER_ROUND")
            .replaceAll("(?s)units:.*?tasks:", "tasks:")
            .replace("    lead: 市知识产权局\n    coUnits: [市科技局]\n", "");
    assertThat(reader.read("plans/demo.yaml", assigned).units()).isEmpty();
    assertThatThrownBy(
            () -> reader.read("plans/demo.yaml", assigned.substring(0, assigned.indexOf("tasks:"))))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("[tasks]: the catalog lists no tasks");
  }

  /** GOOD with the plan's targets: the patent target mapped to 一.1, the ceiling read as such. */
  static final String WITH_TARGETS =
      GOOD.replace(
          "  responsibility: LEAD_FIRST\n",
          """
            responsibility: LEAD_FIRST
            targets:
              - indicator: 每万人口高价值发明专利拥有量
                year: 2026
                value: 6
                unit: 件
                tasks: [一.1]
              - indicator: 侵权案件平均处理周期
                year: 2026
                value: 30
                unit: 天
                direction: AT_MOST
          """);

  @Test
  void shouldReadWhichTasksAnswerForAPlanTarget() {
    PlanCatalog catalog = reader.read("plans/demo.yaml", WITH_TARGETS);

    Target patents = catalog.plan().targets().get(0);
    assertThat(patents.tasks()).containsExactly("一.1");
    assertThat(patents.direction()).isEqualTo(TargetDirection.AT_LEAST);
    assertThat(catalog.plan().targets().get(1).atMost()).isTrue();
    assertThat(catalog.plan().targets().get(1).tasks()).isEmpty();
  }

  @Test
  void shouldNameFileLineAndValueOfATargetMappedToAMissingTask() {
    assertThatThrownBy(
            () ->
                reader.read(
                    "plans/demo.yaml", WITH_TARGETS.replace("tasks: [一.1]", "tasks: [二.9]")))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "plans/demo.yaml:14 [plan.targets[0].tasks[0]]: task '二.9' is not in this catalog's"
                + " tasks (指标「每万人口高价值发明专利拥有量」)");
  }

  @Test
  void shouldRefuseAnIndicatorWhoseYearsAnswerToDifferentTasks() {
    String twoYears =
        WITH_TARGETS.replace(
            "      direction: AT_MOST\n",
            """
                  direction: AT_MOST
                - indicator: 每万人口高价值发明专利拥有量
                  year: 2025
                  value: 5
                  unit: 件
            """);
    assertThatThrownBy(() -> reader.read("plans/demo.yaml", twoYears))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("plans/demo.yaml:20 [plan.targets[2]")
        .hasMessageContaining("各年度须对应同一组任务");
  }

  /** WITH_TARGETS and a target of task 一.1's own (line 31: its indicator). */
  static final String WITH_TASK_TARGET =
      WITH_TARGETS.replace(
          "    coUnits: [市科技局]\n",
          """
              coUnits: [市科技局]
              targets:
                - indicator: 专利质押融资额
                  year: 2026
                  value: 10
                  unit: 亿元
          """);

  @Test
  void shouldReadATasksOwnTarget() {
    PlanCatalog catalog = reader.read("plans/demo.yaml", WITH_TASK_TARGET);

    assertThat(catalog.task("一.1").orElseThrow().targets())
        .extracting(Target::indicator, Target::unit)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("专利质押融资额", "亿元"));
  }

  @Test
  void shouldRefuseATasksOwnTargetWithoutIndicatorOrValueNamingFileLineAndField() {
    // without an indicator the round would declare "indicator": null and refuse every lead report
    assertThatThrownBy(
            () ->
                reader.read(
                    "plans/demo.yaml",
                    WITH_TASK_TARGET.replace(
                        "- indicator: 专利质押融资额\n        year: 2026", "- year: 2026")))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("plans/demo.yaml:31 [tasks[0].targets[0].indicator]: is required");
    assertThatThrownBy(
            () ->
                reader.read("plans/demo.yaml", WITH_TASK_TARGET.replace("        value: 10\n", "")))
        .isInstanceOf(CatalogException.class)
        .hasMessage("plans/demo.yaml:31 [tasks[0].targets[0].value]: 指标「专利质押融资额」没有目标值");
    assertThatThrownBy(
            () ->
                reader.read("plans/demo.yaml", WITH_TASK_TARGET.replace("value: 10\n", "value:\n")))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("plans/demo.yaml:33 [tasks[0].targets[0].value]");
  }

  @Test
  void shouldRefuseATasksOwnTargetGivenTwiceForAYear() {
    String twice =
        WITH_TASK_TARGET
            + """
                  - indicator: 专利质押融资额
                    year: 2026
                    value: 12
                    unit: 亿元
            """;
    assertThatThrownBy(() -> reader.read("plans/demo.yaml", twice))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("plans/demo.yaml:36 [tasks[0].targets[1].year]")
        .hasMessageContaining("指标「专利质押融资额」的 2026 年目标写了两次");
    // the year's target of a plan target mapped to the task is the task's already
    assertThatThrownBy(
            () ->
                reader.read(
                    "plans/demo.yaml",
                    WITH_TASK_TARGET
                        .replace("专利质押融资额", "每万人口高价值发明专利拥有量")
                        .replace("unit: 亿元", "unit: 件")))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("plans/demo.yaml:32 [tasks[0].targets[0].year]")
        .hasMessageContaining("指标「每万人口高价值发明专利拥有量」的 2026 年目标写了两次");
  }

  @Test
  void shouldRefuseATasksOwnTargetInAnotherUnitOrDirectionThanThePlans() {
    String otherYear =
        WITH_TASK_TARGET
            .replace("专利质押融资额", "每万人口高价值发明专利拥有量")
            .replace("year: 2026\n        value: 10", "year: 2025\n        value: 5");
    assertThat(
            reader
                .read("plans/demo.yaml", otherYear.replace("unit: 亿元", "unit: 件"))
                .task("一.1")
                .orElseThrow()
                .targets())
        .hasSize(1);
    assertThatThrownBy(
            () -> reader.read("plans/demo.yaml", otherYear.replace("unit: 亿元", "unit: 个")))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "plans/demo.yaml:34 [tasks[0].targets[0].unit]: 指标「每万人口高价值发明专利拥有量」各年度的计量单位须一致:"
                + "此处「个」,2026 年为「件」");
    assertThatThrownBy(
            () ->
                reader.read(
                    "plans/demo.yaml",
                    otherYear.replace("unit: 亿元", "unit: 件\n        direction: AT_MOST")))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("plans/demo.yaml:35 [tasks[0].targets[0].direction]");
  }

  @Test
  void shouldNameFileLineAndFieldOfAnUnknownField() {
    assertThatThrownBy(
            () ->
                reader.read(
                    "plans/demo.yaml", GOOD.replace("    title: 强化金融支撑", "    titel: 强化金融支撑")))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("plans/demo.yaml:16 [tasks[0].titel]")
        .hasMessageContaining("unknown field 'titel'");
  }

  @Test
  void shouldNameTheLineOfABadDate() {
    assertThatThrownBy(
            () ->
                reader.read(
                    "plans/demo.yaml",
                    GOOD.replace("reportDue: \"11-30\"", "reportDue: \"11-31\"")))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("plans/demo.yaml:10 [calendar.reportDue]")
        .hasMessageContaining("11-31");
    assertThatThrownBy(
            () ->
                reader.read(
                    "plans/demo.yaml",
                    GOOD.replace("  city: 示范\n", "  city: 示范\n  issued: 2024-02-30\n")))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("plans/demo.yaml:5")
        .hasMessageContaining("plan.issued");
  }

  /** The importer keeps a second task under a number used twice as a placeholder number. */
  @Test
  void shouldRefuseATaskNumberLeftToTheReviewer() {
    String kept =
        GOOD
            + """
        - number: "待填写(一.1 第2处)"
          title: 再次出现
          lead: 市科技局
      """;
    assertThatThrownBy(() -> reader.read("plans/demo.yaml", kept))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith(
            "plans/demo.yaml:19 [tasks[1].number]: '待填写(一.1 第2处)' is a placeholder");
  }

  @Test
  void shouldRefuseADuplicateTaskNumber() {
    String twice =
        GOOD
            + """
        - number: 一.1
          title: 再次出现
          lead: 市科技局
      """;
    assertThatThrownBy(() -> reader.read("plans/demo.yaml", twice))
        .isInstanceOf(CatalogException.class)
        .hasMessage("plans/demo.yaml:19 [tasks[1].number]: task number '一.1' is used twice");
  }

  @Test
  void shouldRefuseAUnitMissingFromTheDirectory() {
    assertThatThrownBy(
            () ->
                reader.read(
                    "plans/demo.yaml", GOOD.replace("coUnits: [市科技局]", "coUnits: [市科技局, 市财政局]")))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "plans/demo.yaml:18 [tasks[0].coUnits[1]]: unit '市财政局' is not in this catalog's units");
  }

  @Test
  void shouldRefuseALeadFirstTaskWithoutLeadAndAMissingPeriod() {
    assertThatThrownBy(() -> reader.read("plans/demo.yaml", GOOD.replace("    lead: 市知识产权局\n", "")))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("[tasks[0].lead]")
        .hasMessageContaining("no lead");
    assertThatThrownBy(
            () ->
                reader.read(
                    "plans/demo.yaml", GOOD.replace("  period: {from: 2024, to: 2026}\n", "")))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("[plan.period]: is required");
    assertThatThrownBy(() -> reader.read("plans/demo.yaml", ""))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void shouldRefuseAKeyGivenTwiceNamingItsLine() {
    assertThatThrownBy(
            () ->
                reader.read(
                    "plans/demo.yaml", GOOD.replace("  city: 示范\n", "  city: 示范\n  city: 另一个\n")))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("plans/demo.yaml:5 [plan.city]")
        .hasMessageContaining("'city' 出现了两次");
    assertThatThrownBy(
            () ->
                reader.read(
                    "plans/demo.yaml",
                    GOOD.replace("    lead: 市知识产权局\n", "    lead: 市知识产权局\n    lead: 市科技局\n")))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("plans/demo.yaml:18 [tasks[0].lead]");
  }

  @Test
  void shouldRefuseGroupIdsTheEngineCannotStoreOrThatBelongToTheSystem() {
    String longId = "demo-" + "k".repeat(60);
    assertThatThrownBy(() -> reader.read("plans/demo.yaml", GOOD.replace("demo-kejiju", longId)))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("plans/demo.yaml:13 [units[1].id]")
        .hasMessageContaining("65 个字符")
        .hasMessageContaining("最长 64");
    assertThatThrownBy(
            () -> reader.read("plans/demo.yaml", GOOD.replace("demo-kejiju", "camunda-admin")))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("plans/demo.yaml:13 [units[1].id]")
        .hasMessageContaining("系统组");
    assertThatThrownBy(
            () -> reader.read("plans/demo.yaml", GOOD.replace("demo-office", "duban-auditors")))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("plans/demo.yaml:7 [plan.coordinatingOffice.id]")
        .hasMessageContaining("审计人员");
  }

  @Test
  void shouldRefuseATaskNumberThatReadsAsOneOfThePlansOwnProcesses() {
    for (String number : List.of("notice", "Evaluation", "MIDTERM", "、")) {
      assertThatThrownBy(
              () ->
                  reader.read(
                      "plans/demo.yaml", GOOD.replace("number: 一.1", "number: \"" + number + "\"")))
          .as(number)
          .isInstanceOf(CatalogException.class)
          .hasMessageStartingWith("plans/demo.yaml:15 [tasks[0].number]");
    }
  }

  @Test
  void shouldRefuseMoreTasksThanAPlanCanDeployAtOnce() {
    StringBuilder many = new StringBuilder(GOOD);
    for (int i = 2; i <= 201; i++) {
      many.append("  - number: \"").append(i).append("\"\n    title: 任务\n    lead: 市科技局\n");
    }
    assertThatThrownBy(() -> reader.read("plans/demo.yaml", many.toString()))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("plans/demo.yaml:15 [tasks]")
        .hasMessageContaining("最多 200 项");
  }

  @Test
  void shouldStopLoadingWhenAnyCatalogIsBadSoNothingIsDeployed(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a-good.yaml"), GOOD);
    Files.writeString(
        dir.resolve("b-bad.yaml"),
        GOOD.replace("demo-2024", "demo-2025").replace("LEAD_FIRST", "SOMETIMES"));

    assertThatThrownBy(() -> PlanCatalogs.load(List.of("file:" + dir + "/*.yaml")))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining(dir.resolve("b-bad.yaml") + ":8 [plan.responsibility]")
        .hasMessageContaining("SOMETIMES");
  }

  @Test
  void shouldLoadTheShippedCatalogs() {
    PlanCatalogs all = PlanCatalogs.load(List.of("file:plans/*.yaml"));
    assertThat(all.all())
        .extracting(PlanCatalog::id)
        .containsExactlyInAnyOrder(
            "anshan-2009", "jilin-2020", "luolong-2023", "quanzhou-2024", "wuzhong-2022");
  }

  @Test
  void shouldReadReportingPeriodsAndRefuseThoseThatCannotFitAYear() {
    String halfYearly =
        GOOD.replace(
            "  reportDue: \"11-30\"\n",
            "  reportDue: \"11-30\"\n  reporting: HALF_YEARLY\n  periodDue:\n    H1: \"06-20\"\n");
    PlanCatalog catalog = reader.read("plans/demo.yaml", halfYearly);
    assertThat(catalog.calendar().reporting()).isEqualTo(Reporting.HALF_YEARLY);
    assertThat(catalog.calendar().dueOf(ReportPeriod.H1)).isEqualTo(MonthDay.of(6, 20));
    assertThat(catalog.calendar().dueOf(ReportPeriod.YEAR)).isEqualTo(MonthDay.of(11, 30));

    // the half-year report is due before its round could be worked: opened 01-01, due 01-05
    assertThatThrownBy(
            () -> reader.read("plans/demo.yaml", halfYearly.replace("\"06-20\"", "\"01-05\"")))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("[calendar.periodDue.H1]")
        .hasMessageContaining("「上半年」报告 1月5日截止");
    // a quarter the plan does not report in
    assertThatThrownBy(() -> reader.read("plans/demo.yaml", halfYearly.replace("H1:", "Q1:")))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("[calendar.periodDue.Q1]")
        .hasMessageContaining("第一季度");
    // the full year's round would open in the next year
    assertThatThrownBy(
            () ->
                reader.read(
                    "plans/demo.yaml",
                    halfYearly.replace("  reportDue:", "  roundStarts: \"08-01\"\n  reportDue:")))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("[calendar.roundStarts]")
        .hasMessageContaining("已到次年");
  }

  @Test
  void shouldRefuseASlashInATaskNumberBecauseBusinessKeysAreSplitByIt() {
    assertThatThrownBy(
            () -> reader.read("plans/demo.yaml", GOOD.replace("number: 一.1", "number: 专项/2025-1")))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("[tasks[0].number]")
        .hasMessageContaining("不能含「/」");
  }

  @Test
  void shouldRefuseADatedDeadlineOutsideThePlanOrBesidePeriodicReporting() {
    String dated = GOOD + "    deadline: 2028年6月底前\n";
    assertThatThrownBy(() -> reader.read("plans/demo.yaml", dated))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("[tasks[0].deadline]")
        .hasMessageContaining("2028-06-30")
        .hasMessageContaining("不在规划期 2024–2026 内");
    String both = GOOD + "    deadline: 2025年6月底前\n    reporting: QUARTERLY\n";
    assertThatThrownBy(() -> reader.read("plans/demo.yaml", both))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("[tasks[0].reporting]")
        .hasMessageContaining("只开启一轮");
    assertThatThrownBy(() -> reader.read("plans/demo.yaml", GOOD + "    deadline: 2025年6月31日前\n"))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("[tasks[0].deadline]")
        .hasMessageContaining("不是有效日期");
    PlanCatalog lasting =
        reader.read("plans/demo.yaml", GOOD + "    deadline: 长期坚持\n    reporting: QUARTERLY\n");
    assertThat(lasting.tasks().get(0).reportingIn(lasting.calendar()))
        .isEqualTo(Reporting.QUARTERLY);
  }
}
