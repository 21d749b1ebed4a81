package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.importer.Fixtures.IMPORTER;

import java.math.BigDecimal;
import java.util.List;
import org.duban.catalog.Target;
import org.duban.catalog.TargetDirection;
import org.junit.jupiter.api.Test;

/**
 * The importer drafts which tasks answer for a plan target where the text makes it clear (the task
 * names the indicator), reads a ceiling from its wording, and leaves the rest to the reviewer with
 * a warning.
 */
class TargetDraftTest {

  static final String PLAN =
      """
      示范市知识产权强市建设工作方案(2024—2026年)
      一、工作目标
      至2026年末,每万人口高价值发明专利拥有量突破6件,商标有效注册量达到88万件,知识产权侵权案件发生率下降到5%。
      二、主要任务
      (一)强化创造
      1.培育高价值专利。提高每万人口高价值发明专利拥有量,培育高价值核心专利。
      责任单位:市知识产权局、科技局
      2.打造商标品牌。培育区域商标品牌。
      责任单位:市市场监管局
      (二)加强保护
      1.严格商标执法。打击商标侵权。
      责任单位:市市场监管局、公安局
      """;

  @Test
  void aTaskNamingTheIndicatorAnswersForItAndACeilingIsReadFromItsWording() {
    ImportResult r = IMPORTER.importText("demo.txt", PLAN);

    assertThat(r.errors()).isEmpty();
    assertThat(r.facts().targets())
        .containsExactly(
            new Target("每万人口高价值发明专利拥有量", 2026, new BigDecimal("6"), "件").withTasks(List.of("一.1")),
            new Target("商标有效注册量", 2026, new BigDecimal("88"), "万件"),
            new Target("知识产权侵权案件发生率", 2026, new BigDecimal("5"), "%")
                .withDirection(TargetDirection.AT_MOST));
  }

  @Test
  void aTargetNoTaskClearlyNamesIsLeftUnmappedWithAWarning() {
    ImportResult r = IMPORTER.importText("demo.txt", PLAN);

    assertThat(r.problems())
        .extracting(ImportProblem::message)
        .contains(
            "plan.targets: 指标「商标有效注册量」: tasks [一.2, 二.1] all name「商标」; left unmapped: list"
                + " the tasks that answer for it (tasks: [...])",
            "plan.targets: 指标「知识产权侵权案件发生率」: no task names it; left unmapped: list the tasks"
                + " that answer for it (tasks: [...])");
  }

  @Test
  void theDraftWritesTheMappingAndTheCeilingAndReadsThemBack() {
    ImportResult r = IMPORTER.importText("demo.txt", PLAN);
    String yaml = new CatalogYamlWriter().write(r, null);

    assertThat(yaml).contains("tasks: [\"一.1\"]").contains("direction: AT_MOST");
    assertThat(new org.duban.catalog.CatalogReader().readDraft("demo.yaml", yaml).plan().targets())
        .isEqualTo(r.facts().targets());
  }
}
