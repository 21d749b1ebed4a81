package org.duban.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.round.RoundFixture.at;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.duban.catalog.Target;
import org.duban.names.EvaluationKind;
import org.duban.names.EvaluationVariables;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundElements;
import org.duban.names.RoundVariables;
import org.duban.oversight.TargetRows;
import org.duban.round.RoundFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Quanzhou's 2026 round of 一.3 建体系, the task that answers for 每万人口高价值发明专利拥有量 (2026: 突破6件) and 版权登记量
 * (70万件): the round asks its lead for the year's values, the review, the board and the evaluation
 * show them against the targets, and nobody files a value the round does not ask for.
 */
@SpringBootTest
@ActiveProfiles("test")
class TargetScenarioTest {

  static final String PLAN = "quanzhou-2024";
  static final String TASK = "一.3";
  static final String LEAD = "quanzhou-zhishichanquanju"; // 市知识产权局
  static final String CO_UNIT = "quanzhou-kejiju"; // 市科技局
  static final String OFFICE = "quanzhou-lingdaoxiaozu-ban";
  static final String PATENTS = "每万人口高价值发明专利拥有量";
  static final String COPYRIGHT = "版权登记量";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired TargetRows boardTargets;
  @Autowired ObjectMapper json;
  RoundFixture rounds;

  @BeforeEach
  void setUp() throws Exception {
    rounds = new RoundFixture(engine);
    rounds.clear();
    ClockUtil.setCurrentTime(at(2026, 1, 2));
  }

  @AfterEach
  void tearDown() throws Exception {
    identity.clearAuthentication();
    rounds.clear();
  }

  @Test
  void theRoundAsksTheLeadForTheValuesOfTheTargetsItsTaskAnswersFor() throws Exception {
    ProcessInstance round = start();

    List<Target> declared =
        json.readValue(
            (String) runtime.getVariable(round.getId(), RoundVariables.TARGETS),
            new TypeReference<List<Target>>() {});
    assertThat(declared)
        .extracting(Target::indicator, Target::year, Target::value, Target::unit)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(PATENTS, 2026, new BigDecimal("6"), "件"),
            org.assertj.core.groups.Tuple.tuple(COPYRIGHT, 2026, new BigDecimal("70"), "万件"));
    // another task's targets are not this round's
    assertThat(declared).extracting(Target::indicator).doesNotContain("商标有效注册量");
  }

  @Test
  void aValueBelowSixIsMissedInTheReviewTheBoardAndTheEvaluation() throws Exception {
    ProcessInstance round = start();
    coUnitsReport(round);

    leadReports(round, Map.of(PATENTS, "5.2", COPYRIGHT, "71"));

    Task review = rounds.reviewTask(round);
    List<TargetResult> results = resultsOf(review);
    TargetResult patents = result(results, PATENTS);
    assertThat(patents.reported()).isEqualByComparingTo("5.2");
    assertThat(patents.targetValue()).isEqualByComparingTo("6");
    assertThat(patents.gap()).isEqualByComparingTo("-0.8");
    assertThat(patents.verdictLabel()).isEqualTo("未达标");
    assertThat(result(results, COPYRIGHT).verdictLabel()).isEqualTo("达标");

    assertThat(onTheBoard(PATENTS).result().verdictLabel()).isEqualTo("未达标");
    assertThat(onTheBoard(PATENTS).roundId()).isEqualTo(round.getId());
    assertThat(onTheBoard(PATENTS).leadUnitName()).isEqualTo("市知识产权局");

    accept(review);
    assertThat(evaluationTargetTable(PLAN, 2026))
        .contains(
            "\"每万人口高价值发明专利拥有量\",\"件\",不低于,\"一.3\",\"建体系\",\"市知识产权局\",2026,5.2,2026,6,-0.8,未达标")
        .contains("\"版权登记量\",\"万件\",不低于,\"一.3\",\"建体系\",\"市知识产权局\",2026,71,2026,70,1,达标")
        // every Quanzhou target answers to a task: no line without one
        .doesNotContain("未对应任务");
  }

  @Test
  void aValueOfAtLeastSixIsMet() throws Exception {
    ProcessInstance round = start();
    coUnitsReport(round);

    leadReports(round, Map.of(PATENTS, "6", COPYRIGHT, "65.5"));

    Task review = rounds.reviewTask(round);
    assertThat(result(resultsOf(review), PATENTS).verdictLabel()).isEqualTo("达标");
    assertThat(result(resultsOf(review), COPYRIGHT).verdictLabel()).isEqualTo("未达标");
    accept(review);
    assertThat(evaluationTargetTable(PLAN, 2026))
        .contains("\"每万人口高价值发明专利拥有量\",\"件\",不低于,\"一.3\",\"建体系\",\"市知识产权局\",2026,6,2026,6,0,达标");
  }

  @Test
  void theEvaluationListsEveryTargetAlsoThoseNoTaskAnswersFor() throws Exception {
    ClockUtil.setCurrentTime(at(2022, 12, 20));

    String table = evaluationTargetTable("jilin-2020", 2022);

    assertThat(table)
        .contains("\"知识产权优势示范企业\",\"家\",不低于,\"(十一)\",\"加强区域知识产权服务发展\",\"\",2022,,2022,500,,无目标值")
        .contains("\"知识产权示范学校\",\"所\",不低于,\"\",\"未对应任务\",\"\",2022,,2022,100,,无目标值")
        .contains("\"有效注册商标\",\"万件\",不低于,\"\",\"未对应任务\"");
  }

  @Test
  void beforeTheLeadReportsThereIsNoVerdictYet() throws Exception {
    ProcessInstance round = start();

    TargetResult patents = onTheBoard(PATENTS).result();
    assertThat(patents.reported()).isNull();
    assertThat(patents.targetValue()).isEqualByComparingTo("6");
    assertThat(patents.verdictLabel()).isEqualTo("无目标值");
    assertThat(onTheBoard(PATENTS).roundId()).isEqualTo(round.getId());
  }

  @Test
  void theValuesOfAnEarlierYearHaveNoTargetToMeet() throws Exception {
    ClockUtil.setCurrentTime(at(2025, 1, 2));
    ProcessInstance round =
        runtime.startProcessInstanceByKey(key(), Map.of(RoundVariables.YEAR, 2025));
    coUnitsReport(round);

    leadReports(round, Map.of(PATENTS, "5.2", COPYRIGHT, "60"));

    TargetResult patents = result(resultsOf(rounds.reviewTask(round)), PATENTS);
    assertThat(patents.targetYear()).as("the plan states 2026 only").isEqualTo(2026);
    assertThat(patents.verdictLabel()).isEqualTo("无目标值");
    assertThat(patents.gap()).isNull();
  }

  @Test
  void aCoUnitMayGiveItsContributionButNoIndicatorTheRoundDoesNotDeclareNorText() throws Exception {
    ProcessInstance round = start();
    Task own = coUnitTask(round, CO_UNIT);
    tasks.claim(own.getId(), CO_UNIT + "-handler");

    assertThatThrownBy(() -> submit(own, Map.of("商标有效注册量", "90")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("「指标完成值」中的「商标有效注册量」不是本轮次的指标");
    assertThatThrownBy(() -> submit(own, Map.of(PATENTS, "约五件")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("指标「每万人口高价值发明专利拥有量」的值「约五件」不是数字");
    assertThat(coUnitTask(round, CO_UNIT)).as("a refused report leaves the task open").isNotNull();

    submit(own, Map.of(PATENTS, "1.1")); // a contribution; the copyright figure is the lead's
    assertThat(coUnitTask(round, CO_UNIT)).isNull();
  }

  @Test
  void theLeadMustGiveEveryDeclaredValueAndNothingElse() throws Exception {
    ProcessInstance round = start();
    coUnitsReport(round);
    Task lead = rounds.unitTask(round, RoundElements.LEAD, LEAD);
    tasks.claim(lead.getId(), LEAD + "-handler");

    assertThatThrownBy(() -> submit(lead, Map.of(PATENTS, "5.2")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("「指标完成值」缺少指标「版权登记量」的数值");
    assertThatThrownBy(
            () -> submit(lead, Map.of(PATENTS, "5.2", COPYRIGHT, "71", "地理标志商标和地理标志保护产品总量", "70")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("「地理标志商标和地理标志保护产品总量」不是本轮次的指标");
    assertThatThrownBy(() -> submit(lead, Map.of(PATENTS, "6件", COPYRIGHT, "71")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("指标「每万人口高价值发明专利拥有量」的值「6件」不是数字");
    assertThat(rounds.reviewTask(round)).isNull();
  }

  @Test
  void theLeadsValuesMustBePlainDecimalsOfSaneSizeNamingTheIndicator() throws Exception {
    ProcessInstance round = start();
    coUnitsReport(round);
    Task lead = rounds.unitTask(round, RoundElements.LEAD, LEAD);
    tasks.claim(lead.getId(), LEAD + "-handler");

    // 1e400 would be filed as Infinity (未报送 instead of 未达标), 21 decimals rounded to the target
    for (String value :
        List.of("1e400", "6E+0", "5.99999999999999999999", "1234567890123456", "0.0000001")) {
      assertThatThrownBy(() -> submit(lead, Map.of(PATENTS, value, COPYRIGHT, "71")))
          .as(value)
          .isInstanceOf(FormFieldValidationException.class)
          .hasMessageContaining("指标「每万人口高价值发明专利拥有量」的值「" + value + "」不是有效的数值")
          .hasMessageContaining("整数部分不超过 15 位、小数不超过 6 位,不使用科学计数法");
    }
    for (String value : List.of("Infinity", "NaN")) {
      assertThatThrownBy(() -> submit(lead, Map.of(PATENTS, value, COPYRIGHT, "71")))
          .isInstanceOf(FormFieldValidationException.class)
          .hasMessageContaining("指标「每万人口高价值发明专利拥有量」的值「" + value + "」不是数字");
    }
    // the same as JSON numbers, as a client other than Tasklist may send them
    assertThatThrownBy(
            () -> submitJson(lead, "{\"" + PATENTS + "\": 1e400, \"" + COPYRIGHT + "\": 71}"))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("指标「每万人口高价值发明专利拥有量」的值「1E+400」不是有效的数值");
    assertThat(rounds.reviewTask(round)).as("every refused report leaves the lead's task").isNull();
  }

  @Test
  void theLeadsValuesAreKeptExactFromTheSubmissionToTheReviewTheBoardAndTheEvaluation()
      throws Exception {
    ProcessInstance round = start();
    coUnitsReport(round);
    Task lead = rounds.unitTask(round, RoundElements.LEAD, LEAD);
    tasks.claim(lead.getId(), LEAD + "-handler");

    // 21 significant digits: a double keeps 17 (123456789012345.12)
    submitJson(
        lead, "{\"" + PATENTS + "\": \"5.999999\", \"" + COPYRIGHT + "\": 123456789012345.123456}");
    rounds.runDueJobs();

    Task review = rounds.reviewTask(round);
    TargetResult copyright = result(resultsOf(review), COPYRIGHT);
    assertThat(copyright.reported().toPlainString()).isEqualTo("123456789012345.123456");
    assertThat(copyright.gap().toPlainString()).isEqualTo("123456789012275.123456");
    TargetResult patents = result(resultsOf(review), PATENTS);
    assertThat(patents.reported().toPlainString()).isEqualTo("5.999999");
    assertThat(patents.verdictLabel()).isEqualTo("未达标");
    assertThat(onTheBoard(COPYRIGHT).result().reported().toPlainString())
        .isEqualTo("123456789012345.123456");

    accept(review);
    assertThat(evaluationTargetTable(PLAN, 2026))
        .contains(",2026,123456789012345.123456,2026,70,123456789012275.123456,达标")
        .contains(",2026,5.999999,2026,6,-0.000001,未达标");
  }

  // ------------------------------------------------------------------ steps

  private static String key() {
    return ProcessKeys.round(PLAN, TASK);
  }

  private ProcessInstance start() {
    return runtime.startProcessInstanceByKey(key(), Map.of(RoundVariables.YEAR, 2026));
  }

  private Task coUnitTask(ProcessInstance round, String unit) {
    return rounds.unitTask(round, RoundElements.CO_UNIT, unit);
  }

  /** Every co-unit reports, without figures. */
  private void coUnitsReport(ProcessInstance round) {
    for (Task task : rounds.coUnitTasks(round)) {
      tasks.claim(task.getId(), "co-unit-handler");
      tasks.complete(task.getId(), rounds.report("本单位年度工作进展", RoundFixture.pdf("工作总结.pdf")));
    }
    rounds.runDueJobs();
  }

  private void leadReports(ProcessInstance round, Map<String, String> values) {
    Task lead = rounds.unitTask(round, RoundElements.LEAD, LEAD);
    tasks.claim(lead.getId(), LEAD + "-handler");
    submit(lead, values);
    rounds.runDueJobs();
  }

  private void submit(Task task, Map<String, String> values) {
    Map<String, Object> report = new HashMap<>(rounds.report("年度工作进展", pdf()));
    try {
      report.put(RoundVariables.INDICATOR_VALUES, json.writeValueAsString(values));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    tasks.complete(task.getId(), report);
  }

  /** Submits the indicator values exactly as given, numbers as JSON numbers. */
  private void submitJson(Task task, String values) {
    Map<String, Object> report = new HashMap<>(rounds.report("年度工作进展", pdf()));
    report.put(RoundVariables.INDICATOR_VALUES, values);
    tasks.complete(task.getId(), report);
  }

  private static FileValue pdf() {
    return RoundFixture.pdf("工作总结.pdf");
  }

  /** What the review form reads: the round's published target results. */
  private List<TargetResult> resultsOf(Task review) throws Exception {
    return json.readValue(
        (String) tasks.getVariable(review.getId(), RoundVariables.TARGET_RESULTS),
        new TypeReference<List<TargetResult>>() {});
  }

  private static TargetResult result(List<TargetResult> results, String indicator) {
    return results.stream().filter(r -> r.indicator().equals(indicator)).findFirst().orElseThrow();
  }

  /** The office's board, as its Cockpit plugin asks for it. */
  private TargetRows.Row onTheBoard(String indicator) {
    identity.setAuthentication("quanzhou-office-user", List.of(OFFICE));
    try {
      return boardTargets.of(PLAN, 2026).stream()
          .filter(r -> r.taskNumber().equals(TASK) && r.result().indicator().equals(indicator))
          .findFirst()
          .orElseThrow();
    } finally {
      identity.clearAuthentication();
    }
  }

  private void accept(Task review) {
    forms.submitTaskForm(
        review.getId(),
        Map.of(RoundVariables.REVIEW_DECISION, "ACCEPT", RoundVariables.REVIEW_RATING, "GOOD"));
    rounds.runDueJobs();
  }

  private String evaluationTargetTable(String plan, int year) throws Exception {
    ProcessInstance evaluation =
        runtime.startProcessInstanceByKey(
            EvaluationKind.ANNUAL.processKey(plan), Map.of(RoundVariables.YEAR, year));
    Task task = tasks.createTaskQuery().processInstanceId(evaluation.getId()).singleResult();
    assertThat((String) tasks.getVariable(task.getId(), EvaluationVariables.SUMMARY_TEXT))
        .contains("指标");
    FileValue table = tasks.getVariableTyped(task.getId(), EvaluationVariables.TARGET_TABLE);
    return new String(table.getValue().readAllBytes(), StandardCharsets.UTF_8);
  }
}
