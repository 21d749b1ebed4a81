package org.duban.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.duban.round.RoundFixture.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.duban.forms.FormRejectedException;
import org.duban.modeling.PlanDeployment;
import org.duban.names.EvaluationKind;
import org.duban.names.EvaluationVariables;
import org.duban.names.NoticeVariables;
import org.duban.names.RoundElements;
import org.duban.names.RoundVariables;
import org.duban.testsupport.MinimumFlowNodeCoverage;
import org.duban.testsupport.ProcessCoverage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The yearly round of the trade-fair task (吴忠 一.4-展会), told as the people in the offices live it.
 * Runs on H2 and, through a subclass, on a real PostgreSQL server. Together the scenarios run at
 * least 90% of the round's flow nodes (every rung of both ladders, return, close-out): the coverage
 * per process is logged after each class and kept in {@code target/process-test-coverage/}.
 */
@SpringBootTest
@ActiveProfiles("test")
@ProcessCoverage
@MinimumFlowNodeCoverage(process = "wuzhong-2022_1-4-zhanhui", atLeast = 0.9)
abstract class RoundScenarios {

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired HistoryService historyService;
  @Autowired PlanDeployment deployment;
  @Autowired ObjectMapper json;
  @Autowired org.duban.audit.AuditController audit;
  RoundFixture rounds;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    rounds = new RoundFixture(engine);
    rounds.clear();
    ClockUtil.setCurrentTime(at(2025, 1, 2));
  }

  @AfterEach
  void tearDown() {
    rounds.clear();
  }

  @Test
  void shouldRouteTheRoundThroughCoUnitsLeadAndSupervisorToCompletion() throws Exception {
    ProcessInstance round = rounds.start(2025);

    assertThat(round.getBusinessKey()).isEqualTo("wuzhong-2022/一.4-展会/2025");
    assertThat(round).isWaitingAt(RoundElements.reportTask(RoundElements.CO_UNIT));
    List<Task> coTasks = rounds.coUnitTasks(round);
    assertThat(coTasks).hasSize(8);
    for (String unit : CO_UNITS) {
      Task task = rounds.unitTask(round, RoundElements.CO_UNIT, unit);
      assertThat(task).as("task in the inbox of %s", unit).isNotNull();
      assertThat(day(task.getDueDate())).isEqualTo(LocalDate.of(2025, 12, 5));
      assertThat(day(task.getFollowUpDate())).isEqualTo(LocalDate.of(2025, 12, 2));
      assertThat(task.getName()).endsWith("2025年度 一.4-展会 建立展会知识产权保护机制");
    }
    assertThat(rounds.unitTask(round, RoundElements.CO_UNIT, POLICE).getName()).startsWith("市公安局:");
    assertThat(rounds.leadTask(round)).as("the lead waits for the co-units").isNull();

    rounds.submitAllCoUnits(round);

    Task lead = rounds.leadTask(round);
    assertThat(lead).isNotNull();
    assertThat(day(lead.getDueDate())).isEqualTo(LocalDate.of(2025, 12, 15));
    Map<String, Object> leadSees = taskService.getVariables(lead.getId());
    for (String unit : CO_UNITS) {
      UnitReport report =
          json.readValue((String) leadSees.get(RoundVariables.report(unit)), UnitReport.class);
      assertThat(report.unit()).isEqualTo(unit);
      assertThat(report.onTime()).isTrue();
      assertThat(report.submittedBy()).isEqualTo(unit + "-handler");
      assertThat(report.evidence())
          .singleElement()
          .satisfies(
              file -> {
                assertThat(file.fileName()).isEqualTo("工作总结.pdf");
                assertThat(file.mediaType()).isEqualTo("application/pdf");
                assertThat(file.sha256())
                    .isEqualTo(org.duban.evidence.EvidencePolicy.sha256(pdfBytes()));
                assertThat(
                        historyService
                            .createHistoricVariableInstanceQuery()
                            .variableId(file.variableId())
                            .singleResult())
                    .as("evidence kept in history under the recorded id")
                    .isNotNull();
              });
    }

    rounds.submit(round, RoundElements.LEAD, LEAD);
    rounds.runDueJobs();
    Task review = rounds.reviewTask(round);
    assertThat(review).isNotNull();
    assertThat(day(review.getDueDate()))
        .as("the office's review is due the catalog's 10 days after the lead's report")
        .isEqualTo(LocalDate.of(2025, 1, 12));
    assertThat(taskService.getIdentityLinksForTask(review.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(SUPERVISOR));

    rounds.review(round, "ACCEPT", "GOOD", null);

    assertThat(round)
        .isEnded()
        .hasPassed(RoundElements.COMPLETE)
        .hasPassed(RoundElements.END_COMPLETED);
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(round.getId())
                .variableName(RoundVariables.OUTCOME)
                .singleResult()
                .getValue())
        .isEqualTo("COMPLETED");
    assertThat(rounds.notices(round, "COMMENDATION")).as("rated 良好: no commendation").isEmpty();
    assertThat(rounds.notices(round, "REMINDER")).isEmpty();
  }

  @Test
  void shouldReturnTheReportToTheLeadWithItsReasonUntilAccepted() {
    ProcessInstance round = rounds.start(2025);
    rounds.allUnitsReport(round);

    assertThatThrownBy(() -> rounds.review(round, "RETURN", null, "  "))
        .rootCause()
        .isInstanceOf(FormRejectedException.class)
        .hasMessageContaining("退回原因");
    assertThat(rounds.reviewTask(round)).as("a rejected review changes nothing").isNotNull();

    ClockUtil.setCurrentTime(at(2025, 12, 1));
    rounds.review(round, "RETURN", null, "请补充展会执法检查的案件数量");

    Task again = rounds.leadTask(round);
    assertThat(again).as("the lead works the report again").isNotNull();
    assertThat(again.getDescription()).contains("请补充展会执法检查的案件数量");
    assertThat(taskService.getVariable(again.getId(), RoundVariables.RETURN_REASON))
        .isEqualTo("请补充展会执法检查的案件数量");
    assertThat(day(again.getDueDate()))
        .as("rework time from the return")
        .isEqualTo(LocalDate.of(2025, 12, 11));

    // the rework adds text but no new file: the evidence of the first submission stays with the
    // report
    taskService.complete(again.getId(), rounds.report("补充:全年检查展会 3 场,查处案件 2 起"));
    rounds.runDueJobs();
    assertThat(
            taskService.getVariable(rounds.reviewTask(round).getId(), RoundVariables.RETURN_COUNT))
        .isEqualTo(1);
    assertThat(
            (String)
                taskService.getVariable(
                    rounds.reviewTask(round).getId(), RoundVariables.report(LEAD)))
        .contains("查处案件 2 起")
        .contains("工作总结.pdf");

    rounds.review(round, "CLOSE_OUT", "GOOD", null);

    assertThat(round).isEnded().hasPassed(RoundElements.END_CLOSED_OUT);
  }

  @Test
  void shouldAllowCloseOutOnlyInThePlansFinalYear() {
    ProcessInstance round = rounds.start(2024);
    rounds.allUnitsReport(round);

    assertThatThrownBy(() -> rounds.review(round, "CLOSE_OUT", "GOOD", null))
        .rootCause()
        .isInstanceOf(FormRejectedException.class)
        .hasMessageContaining("规划末年");
    assertThatThrownBy(() -> rounds.review(round, "ACCEPT", null, null))
        .rootCause()
        .isInstanceOf(FormRejectedException.class)
        .hasMessageContaining("评价等级");

    rounds.review(round, "ACCEPT", "FAIR", null);
    assertThat(round).isEnded().hasPassed(RoundElements.END_COMPLETED);
  }

  @Test
  void shouldRemindUnitsThreeDaysBeforeTheirDueDate() {
    ProcessInstance round = rounds.start(2025);

    rounds.moveTo(at(2025, 12, 1));
    assertThat(rounds.notices(round, "REMINDER")).isEmpty();

    rounds.moveTo(at(2025, 12, 2));

    assertThat(rounds.noticeUnits(round, "REMINDER")).containsExactlyInAnyOrderElementsOf(CO_UNITS);
    HistoricProcessInstance reminder = rounds.notices(round, "REMINDER").get(0);
    assertThat((String) rounds.noticeVariable(reminder, NoticeVariables.REASON))
        .contains("2025-12-05")
        .contains("3 天");
    assertThat(reminder.getEndTime()).as("a reminder is a record, not a task").isNotNull();
    assertThat(rounds.coUnitTasks(round)).as("reminding leaves the tasks open").hasSize(8);
  }

  @Test
  void shouldEscalateAnOverdueUnitFromNoticeToProposedCriticismToInterview() {
    ProcessInstance round = rounds.start(2025);
    Task police = rounds.unitTask(round, RoundElements.CO_UNIT, POLICE);
    taskService.claim(police.getId(), "zhangwei");
    rounds.submitCoUnitsExcept(round, POLICE);
    rounds.runDueJobs();

    rounds.moveTo(at(2025, 12, 6));
    assertThat(rounds.noticeUnits(round, "OVERDUE")).containsExactly(POLICE);
    assertThat((String) taskService.getVariableLocal(police.getId(), RoundVariables.WARNING))
        .startsWith("黄牌")
        .contains("2025-12-05")
        .contains("逾期催办");
    assertThat(rounds.notices(round, "CRITICISM")).isEmpty();

    rounds.moveTo(at(2025, 12, 11));
    List<HistoricProcessInstance> criticisms = rounds.notices(round, "CRITICISM");
    assertThat(criticisms).hasSize(1);
    HistoricProcessInstance first = criticisms.get(0);
    assertThat(rounds.noticeVariable(first, NoticeVariables.UNIT_NAME)).isEqualTo("市公安局");
    assertThat(rounds.noticeVariable(first, NoticeVariables.HANDLER)).isEqualTo("zhangwei");
    assertThat(rounds.noticeVariable(first, NoticeVariables.STATUS))
        .as("a criticism is the office's to issue")
        .isEqualTo("PROPOSED");
    assertThat((String) rounds.noticeVariable(first, NoticeVariables.REASON))
        .contains("2025-12-05");
    Task criticismTask = rounds.noticeTask(first);
    assertThat(criticismTask.getName()).startsWith("通报批评(待签发):市公安局");
    assertThat(day(criticismTask.getDueDate()))
        .as("the office decides within the catalog's 5 days")
        .isEqualTo(LocalDate.of(2025, 12, 16));
    assertThat(criticismTask.getDescription()).contains("经办人员:张伟(zhangwei)");
    assertThat(taskService.getIdentityLinksForTask(criticismTask.getId()))
        .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo(SUPERVISOR));
    assertThat((String) taskService.getVariableLocal(police.getId(), RoundVariables.WARNING))
        .startsWith("红牌")
        .contains("拟通报批评");
    assertThat(rounds.notices(round, "INTERVIEW")).isEmpty();

    rounds.moveTo(at(2025, 12, 16));
    assertThat(rounds.notices(round, "CRITICISM")).as("each rung once per unit task").hasSize(1);
    List<HistoricProcessInstance> second = rounds.notices(round, "SECOND_CRITICISM");
    assertThat(second).hasSize(1);
    assertThat(rounds.noticeTask(second.get(0)).getName()).startsWith("再次通报批评(待签发):市公安局");
    List<HistoricProcessInstance> interviews = rounds.notices(round, "INTERVIEW");
    assertThat(interviews).hasSize(1);
    assertThat(rounds.noticeVariable(interviews.get(0), NoticeVariables.UNIT)).isEqualTo(POLICE);
    assertThat(rounds.noticeTask(interviews.get(0)).getName()).startsWith("约谈(待签发):市公安局");

    rounds.moveTo(at(2026, 3, 1));
    assertThat(rounds.notices(round, "CRITICISM"))
        .as("the ladder ends after the second criticism")
        .hasSize(1);
    assertThat(rounds.notices(round, "SECOND_CRITICISM")).hasSize(1);
    assertThat(rounds.notices(round, "INTERVIEW")).hasSize(1);
    assertThat(rounds.noticeUnits(round, "OVERDUE"))
        .as("only the late unit is escalated")
        .containsExactly(POLICE);
  }

  @Test
  void shouldHoldTheLeadToTheSameLadderWhenItsConsolidatedReportIsLate() throws Exception {
    ProcessInstance round = rounds.start(2025);
    rounds.submitAllCoUnits(round); // every co-unit on time: only the lead can be late
    Task lead = rounds.leadTask(round);
    assertThat(day(lead.getDueDate())).isEqualTo(LocalDate.of(2025, 12, 15));

    rounds.moveTo(at(2025, 12, 12));
    assertThat(rounds.noticeUnits(round, "REMINDER"))
        .as("催办 three days before the lead's due date")
        .containsExactly(LEAD);

    rounds.moveTo(at(2025, 12, 16));
    assertThat(rounds.noticeUnits(round, "OVERDUE")).as("逾期催办 the day after").containsExactly(LEAD);
    assertThat((String) taskService.getVariableLocal(lead.getId(), RoundVariables.WARNING))
        .startsWith("黄牌");
    assertThat(rounds.notices(round, "CRITICISM")).isEmpty();

    rounds.moveTo(at(2025, 12, 21));
    List<HistoricProcessInstance> criticisms = rounds.notices(round, "CRITICISM");
    assertThat(criticisms).as("通报批评 proposed five days after the overdue notice").hasSize(1);
    assertThat(rounds.noticeVariable(criticisms.get(0), NoticeVariables.UNIT)).isEqualTo(LEAD);
    assertThat(rounds.noticeVariable(criticisms.get(0), NoticeVariables.STATUS))
        .isEqualTo("PROPOSED");
    assertThat(rounds.noticeTask(criticisms.get(0)).getName()).startsWith("通报批评(待签发):市市场监管局");
    assertThat((String) taskService.getVariableLocal(lead.getId(), RoundVariables.WARNING))
        .startsWith("红牌");

    rounds.moveTo(at(2025, 12, 26));
    assertThat(rounds.noticeUnits(round, "SECOND_CRITICISM"))
        .as("再次通报批评 five days later")
        .containsExactly(LEAD);
    assertThat(rounds.noticeUnits(round, "INTERVIEW"))
        .as("with it the proposed 约谈")
        .containsExactly(LEAD);
    assertThat(rounds.notices(round, "CRITICISM")).as("each rung once").hasSize(1);
    assertThat(CO_UNITS)
        .as("the co-units reported on time: none is escalated")
        .allSatisfy(unit -> assertThat(rounds.noticeUnits(round, "OVERDUE")).doesNotContain(unit));

    // the office holds the interview and records it; the lead signs for the record
    HistoricProcessInstance interview = rounds.notices(round, "INTERVIEW").get(0);
    rounds.decide(
        interview,
        Map.of(
            "noticeDecision",
            "ISSUE",
            "interviewDate",
            "2025-12-26",
            "interviewees",
            "市市场监管局分管负责人",
            "interviewNotes",
            "说明逾期原因,12 月 31 日前报送"));
    assertThat(rounds.noticeVariable(interview, NoticeVariables.STATUS)).isEqualTo("ISSUED");
    Task receipt = rounds.noticeTask(interview);
    assertThat(receipt.getName()).startsWith("请签收 约谈:市市场监管局");
    taskService.complete(receipt.getId());

    rounds.submit(round, RoundElements.LEAD, LEAD);
    rounds.runDueJobs();
    UnitReport report =
        json.readValue(
            (String)
                taskService.getVariable(
                    rounds.reviewTask(round).getId(), RoundVariables.report(LEAD)),
            UnitReport.class);
    assertThat(report.onTime()).as("the supervisor reviews a report filed late").isFalse();
    assertThat(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(round.getId())
                .timers()
                .count())
        .as("the lead's ladder ends with its report")
        .isZero();
    rounds.review(round, "ACCEPT", "FAIR", null);
    assertThat(round).isEnded().hasPassed(RoundElements.END_COMPLETED);
  }

  @Test
  void shouldCountACriticismOnlyOnceTheOfficeIssuedItAndLetTheUnitSignForIt() {
    ProcessInstance round = rounds.start(2025);
    rounds.submitCoUnitsExcept(round, POLICE);
    rounds.moveTo(at(2025, 12, 11));
    HistoricProcessInstance criticism = rounds.notices(round, "CRITICISM").get(0);
    assertThat(rounds.noticeTask(criticism).getTaskDefinitionKey())
        .as("a proposal does not reach the unit")
        .isEqualTo(org.duban.names.NoticeElements.ISSUE_CRITICISM);

    assertThatThrownBy(
            () ->
                formService.submitTaskForm(
                    rounds.noticeTask(criticism).getId(), Map.of("noticeDecision", "ISSUE")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("通报内容");
    rounds.decide(
        criticism,
        Map.of(
            "noticeDecision",
            "ISSUE",
            "noticeText",
            "市公安局逾期未报送,予以通报批评。",
            "circulatedTo",
            "联席会议各成员单位"));

    HistoricProcessInstance issued = rounds.notices(round, "CRITICISM").get(0);
    assertThat(rounds.noticeVariable(issued, NoticeVariables.STATUS)).isEqualTo("ISSUED");
    assertThat(rounds.noticeVariable(issued, NoticeVariables.DECIDED_AT)).isNotNull();
    List<Task> receipts = rounds.unitTasksOf(POLICE, org.duban.names.NoticeElements.ACKNOWLEDGE);
    assertThat(receipts)
        .extracting(Task::getName)
        .as("the unit sees the overdue notice and the issued criticism")
        .anySatisfy(n -> assertThat(n).startsWith("请签收 逾期催办:市公安局"))
        .anySatisfy(n -> assertThat(n).startsWith("请签收 通报批评:市公安局"));
    Task receipt = rounds.noticeTask(issued);
    assertThat(receipt.getTaskDefinitionKey())
        .isEqualTo(org.duban.names.NoticeElements.ACKNOWLEDGE);
    engine.getIdentityService().setAuthentication("office-user", List.of(SUPERVISOR));
    try {
      assertThatThrownBy(() -> taskService.complete(receipt.getId()))
          .as("the office cannot sign for the unit by completing its receipt bare")
          .isInstanceOf(org.duban.forms.TaskInputRejectedException.class)
          .hasMessageContaining("不属于该单位");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    taskService.complete(receipt.getId());
    assertThat(rounds.noticeVariable(issued, org.duban.names.NoticeVariables.ACKNOWLEDGED_AT))
        .isNotNull();
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(issued.getId())
                .singleResult()
                .getEndTime())
        .isNotNull();
  }

  @Test
  void shouldMarkAPendingProposalWhenTheUnitReportsAndLetTheOfficeWithdrawIt() throws Exception {
    ProcessInstance round = rounds.start(2025);
    rounds.submitCoUnitsExcept(round, POLICE);
    rounds.moveTo(at(2025, 12, 11));
    HistoricProcessInstance criticism = rounds.notices(round, "CRITICISM").get(0);

    rounds.moveTo(at(2025, 12, 12));
    rounds.submit(round, RoundElements.CO_UNIT, POLICE);
    rounds.runDueJobs();

    assertThat(rounds.noticeVariable(criticism, NoticeVariables.UNIT_REPORTED_AT)).isNotNull();
    assertThat(rounds.noticeTask(criticism).getDescription())
        .contains("该单位已于 2025-12-12 报送")
        .contains("逾期");
    assertThatThrownBy(
            () ->
                formService.submitTaskForm(
                    rounds.noticeTask(criticism).getId(), Map.of("noticeDecision", "WITHDRAW")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("撤回理由");
    rounds.decide(
        criticism, Map.of("noticeDecision", "WITHDRAW", "withdrawReason", "因系统故障未能按时报送,已补报"));

    assertThat(rounds.noticeVariable(criticism, NoticeVariables.STATUS)).isEqualTo("WITHDRAWN");
    assertThat(rounds.noticeTask(criticism))
        .as("a withdrawn criticism never reaches the unit")
        .isNull();
    assertThat(audit.round(round.getId()).getBody().notices())
        .filteredOn(n -> n.type().equals("CRITICISM"))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.status())
                  .as("the audit view shows the office's decision")
                  .isEqualTo("WITHDRAWN");
              assertThat(n.statusLabel()).isEqualTo("已撤回");
              assertThat(n.decidedAt()).isNotEmpty();
            });

    ProcessInstance evaluation =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                EvaluationKind.ANNUAL.processKey(PLAN), Map.of(RoundVariables.YEAR, 2025));
    Task review =
        taskService.createTaskQuery().processInstanceId(evaluation.getId()).singleResult();
    assertThat((String) taskService.getVariable(review.getId(), EvaluationVariables.SUMMARY_TEXT))
        .as("a withdrawn criticism is no criticism")
        .contains("通报批评 0 次");
  }

  @Test
  void shouldGiveALateStartedRoundTheCatalogsLeadTimeBeforeAnySanction() {
    ClockUtil.setCurrentTime(at(2026, 3, 2));
    ProcessInstance round = rounds.start(2025); // the 2025 calendar deadline has long passed

    Task police = rounds.unitTask(round, RoundElements.CO_UNIT, POLICE);
    assertThat(day(police.getDueDate()))
        .as("lead due 30 days after the start, co-units 10 days earlier")
        .isEqualTo(LocalDate.of(2026, 3, 22));
    rounds.runDueJobs();
    rounds.moveTo(at(2026, 3, 3));
    assertThat(rounds.notices(round, "REMINDER")).as("nothing fires at the start").isEmpty();
    assertThat(rounds.notices(round, "CRITICISM")).isEmpty();

    rounds.moveTo(at(2026, 3, 23));
    assertThat(rounds.noticeUnits(round, "OVERDUE")).hasSize(8);
    assertThat(rounds.notices(round, "CRITICISM"))
        .as("criticism only after the catalog's days past the due date")
        .isEmpty();
  }

  @Test
  void shouldRefuseStartVariablesTheRoundDoesNotTake() {
    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(
                        KEY,
                        Map.of(RoundVariables.YEAR, 2025, RoundVariables.RETURN_REASON, "预置的退回原因")))
        .isInstanceOf(RoundRefusedException.class)
        .hasMessageContaining("returnReason");
    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(
                        KEY,
                        Map.of(RoundVariables.YEAR, 2025, RoundVariables.report(POLICE), "{}")))
        .isInstanceOf(RoundRefusedException.class)
        .hasMessageContaining(RoundVariables.report(POLICE));
    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(KEY, Map.of(RoundVariables.YEAR, 4294969318L)))
        .isInstanceOf(RoundRefusedException.class)
        .hasMessageContaining("4294969318")
        .hasMessageContaining("不是年份");
    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(
                        KEY,
                        Map.of(
                            RoundVariables.YEAR,
                            2025,
                            RoundVariables.LEAD_DUE_OVERRIDE,
                            "2020-01-01")))
        .isInstanceOf(RoundRefusedException.class)
        .hasMessageContaining("2020-01-01")
        .hasMessageContaining("最早可定为 2025-01-12");
    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .createProcessInstanceByKey(KEY)
                    .setVariable(RoundVariables.YEAR, 2025)
                    .startBeforeActivity(RoundElements.REVIEW)
                    .execute())
        .hasMessageContaining("startInstructions");
    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .createProcessInstanceByKey(KEY)
                    .setVariable(RoundVariables.YEAR, 2025)
                    .execute(true, false))
        .hasMessageContaining("skipCustomListeners");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .count())
        .isZero();
    assertThat(
            historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count())
        .as("nothing half-started")
        .isZero();
  }

  @Test
  void shouldCommendEveryUnitOfARoundRatedExcellentAndOnTime() {
    ProcessInstance round = rounds.start(2025);
    rounds.allUnitsReport(round);

    rounds.review(round, "ACCEPT", "EXCELLENT", null);

    List<String> expected = new ArrayList<>(CO_UNITS);
    expected.add(LEAD);
    assertThat(rounds.noticeUnits(round, "COMMENDATION"))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void shouldCommendOnlyTheUnitsThatReportedOnTime() {
    ProcessInstance round = rounds.start(2025);
    rounds.moveTo(at(2025, 12, 7));
    rounds.allUnitsReport(round);

    rounds.review(round, "ACCEPT", "EXCELLENT", null);

    assertThat(rounds.noticeUnits(round, "COMMENDATION"))
        .as("the co-units were late; the lead, due 12-17, was not")
        .containsExactly(LEAD);
  }

  @Test
  void shouldNotCommendAUnitThatHadNotStarted() {
    ProcessInstance round = rounds.start(2025);
    Task police = rounds.unitTask(round, RoundElements.CO_UNIT, POLICE);
    Map<String, Object> notStarted = rounds.report("尚未启动相关工作", pdf("说明.pdf"));
    notStarted.put(RoundVariables.COMPLETION_STATUS, "NOT_STARTED");
    taskService.complete(police.getId(), notStarted);
    rounds.submitCoUnitsExcept(round, POLICE);
    rounds.runDueJobs();
    rounds.submit(round, RoundElements.LEAD, LEAD);
    rounds.runDueJobs();

    rounds.review(round, "ACCEPT", "EXCELLENT", null);

    List<String> expected = new ArrayList<>(CO_UNITS);
    expected.remove(POLICE);
    expected.add(LEAD);
    assertThat(rounds.noticeUnits(round, "COMMENDATION"))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void shouldCancelEveryPendingEscalationWhenUnitsSubmitBeforeTheDeadline() {
    ProcessInstance round = rounds.start(2025);
    rounds.moveTo(at(2025, 11, 20));
    rounds.allUnitsReport(round);

    assertThat(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(round.getId())
                .timers()
                .count())
        .as("no timer left once the units have submitted")
        .isZero();
    rounds.moveTo(at(2026, 6, 1));

    for (String type : List.of("REMINDER", "OVERDUE", "CRITICISM", "INTERVIEW")) {
      assertThat(rounds.notices(round, type)).as(type).isEmpty();
    }
    assertThat(rounds.reviewTask(round)).isNotNull();
  }

  @Test
  void shouldGiveTheLeadTimeWhenCoUnitsWereLate() {
    ProcessInstance round = rounds.start(2025);
    rounds.moveTo(at(2025, 12, 14));
    rounds.submitAllCoUnits(round);

    assertThat(day(rounds.leadTask(round).getDueDate())).isEqualTo(LocalDate.of(2025, 12, 24));
  }

  @Test
  void shouldRefuseASecondRoundOfTheSameTaskAndYear() {
    ProcessInstance first = rounds.start(2025);

    assertThatThrownBy(() -> rounds.start(2025))
        .isInstanceOf(RoundRefusedException.class)
        .hasMessageContaining("2025 年度轮次已经存在")
        .hasMessageContaining(first.getId());
    assertThatThrownBy(() -> rounds.start(2030))
        .isInstanceOf(RoundRefusedException.class)
        .hasMessageContaining("不在")
        .hasMessageContaining("2021–2025");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .count())
        .isEqualTo(1);
    assertThat(rounds.start(2024).getBusinessKey()).endsWith("/2024");
  }

  @Test
  void shouldRejectBadEvidenceAndMissingFieldsWithoutLosingTheTask() {
    ProcessInstance round = rounds.start(2025);
    Task task = rounds.unitTask(round, RoundElements.CO_UNIT, POLICE);

    byte[] tooLarge = new byte[11 * 1024 * 1024];
    System.arraycopy(pdfBytes(), 0, tooLarge, 0, pdfBytes().length);
    // Tasklist submits the form: the rule's own message comes back as a form validation error
    assertThatThrownBy(
            () ->
                formService.submitTaskForm(
                    task.getId(),
                    rounds.report("进展", file("大文件.pdf", tooLarge, "application/pdf"))))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("佐证材料 1")
        .hasMessageContaining("大文件.pdf")
        .hasMessageContaining("超过上限 10 MB");

    byte[] executable =
        "MZ\u0090\u0000 this program cannot be run in DOS mode"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(
            () ->
                formService.submitTaskForm(
                    task.getId(),
                    rounds.report(
                        "进展", pdf("总结.pdf"), file("总结.pdf.exe", executable, "application/pdf"))))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("佐证材料 2")
        .hasMessageContaining("总结.pdf.exe")
        .hasMessageContaining("不在允许范围");

    assertThatThrownBy(
            () -> formService.submitTaskForm(task.getId(), rounds.report("  ", pdf("总结.pdf"))))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("工作进展");

    // the plain complete API is held to the same rules
    Map<String, Object> noStatus = rounds.report("进展");
    noStatus.remove(RoundVariables.COMPLETION_STATUS);
    assertThatThrownBy(() -> taskService.complete(task.getId(), noStatus))
        .rootCause()
        .isInstanceOf(FormRejectedException.class)
        .hasMessageContaining("完成情况");

    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult())
        .as("the task is still open")
        .isNotNull();
    assertThat(engine.getRuntimeService().getVariable(round.getId(), RoundVariables.report(POLICE)))
        .isNull();

    taskService.complete(task.getId(), rounds.report("进展", file("照片.png", png(), "image/png")));
    rounds.runDueJobs();
    Task other = rounds.unitTask(round, RoundElements.CO_UNIT, "wuzhong-sifaju");
    assertThat(taskService.getVariables(other.getId()).keySet())
        .as("another co-unit's task sees nothing of the police's report")
        .noneMatch(
            name ->
                name.startsWith(RoundVariables.REPORT_PREFIX)
                    || name.startsWith(RoundVariables.EVIDENCE_PREFIX + "1")
                        && taskService.getVariable(other.getId(), name) != null);

    rounds.submitCoUnitsExcept(round, POLICE);
    rounds.runDueJobs();
    assertThat(
            (String)
                engine
                    .getRuntimeService()
                    .getVariable(round.getId(), RoundVariables.report(POLICE)))
        .contains("照片.png")
        .contains("image/png");
  }

  @Test
  void shouldStartEachYearsRoundByTimer() {
    ClockUtil.setCurrentTime(at(2024, 12, 31));
    // a deployment while the plan has years ahead carries the yearly timer
    // (plans without years ahead stay as they are: only the fresh deployments are this test's to
    // remove)
    List<String> deployed =
        deployment.deployAll().stream()
            .filter(
                d ->
                    d.getDeployedProcessDefinitions() != null
                        && !d.getDeployedProcessDefinitions().isEmpty())
            .map(d -> d.getId())
            .toList();
    try {
      // the job runs late, on 3 January: the round is still the year the timer was due in
      rounds.moveTo(at(LocalDateTime.of(2025, 1, 3, 8, 0)));

      ProcessInstance round =
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processDefinitionKey(KEY)
              .singleResult();
      assertThat(round).isNotNull();
      assertThat(round.getBusinessKey()).isEqualTo("wuzhong-2022/一.4-展会/2025");
      assertThat(rounds.coUnitTasks(round)).hasSize(8);
      assertThat(
              engine
                  .getManagementService()
                  .createJobQuery()
                  .processDefinitionKey(KEY)
                  .timers()
                  .list())
          .as("2025 is the plan's last year: no further yearly timer")
          .noneMatch(
              job ->
                  job.getDuedate().after(at(2025, 12, 31)) && job.getProcessInstanceId() == null);
    } finally {
      rounds.clear();
      // the timers of this test's deployments must not fire in later scenarios
      deployed.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
    }
  }

  @Test
  void shouldDeployNothingNewWhenTheCatalogsAreUnchanged() {
    // at start-up time: the yearly timers a model carries depend on whether its years lie ahead
    ClockUtil.reset();
    assertThat(deployment.deployAll())
        .allSatisfy(d -> assertThat(d.getDeployedProcessDefinitions()).isNullOrEmpty());
  }

  @Test
  void shouldAcceptCoUnitsSubmittingAtTheSameMoment() throws Exception {
    ProcessInstance round = rounds.start(2025);
    List<Task> open = rounds.coUnitTasks(round);
    CyclicBarrier together = new CyclicBarrier(open.size());
    ExecutorService pool = Executors.newFixedThreadPool(open.size());
    try {
      List<Future<Void>> submissions = new ArrayList<>();
      for (Task task : open) {
        Callable<Void> submit =
            () -> {
              together.await(30, TimeUnit.SECONDS);
              taskService.complete(task.getId(), rounds.report("同时报送", pdf("材料.pdf")));
              return null;
            };
        submissions.add(pool.submit(submit));
      }
      for (Future<Void> submission : submissions) {
        submission.get(60, TimeUnit.SECONDS); // rethrows any failed submission
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(rounds.coUnitTasks(round)).isEmpty();

    rounds.runDueJobs();

    assertThat(rounds.leadTask(round)).isNotNull();
    Map<String, Object> vars = engine.getRuntimeService().getVariables(round.getId());
    assertThat(CO_UNITS)
        .allSatisfy(unit -> assertThat(vars).containsKey(RoundVariables.report(unit)));
  }

  @Test
  void shouldCompileTheYearsRecordForTheAnnualEvaluation() throws Exception {
    ProcessInstance round = rounds.start(2025);
    rounds.submitCoUnitsExcept(round, POLICE);
    rounds.moveTo(
        at(2025, 12, 12)); // the police are late: reminder, overdue notice, proposed criticism
    rounds.decide(
        rounds.notices(round, "CRITICISM").get(0),
        Map.of("noticeDecision", "ISSUE", "noticeText", "予以通报批评"));
    rounds.submit(round, RoundElements.CO_UNIT, POLICE);
    rounds.runDueJobs();

    ProcessInstance evaluation =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                EvaluationKind.ANNUAL.processKey(PLAN), Map.of(RoundVariables.YEAR, 2025));

    assertThat(evaluation.getBusinessKey()).isEqualTo("wuzhong-2022/年度评估/2025");
    Task review =
        taskService.createTaskQuery().processInstanceId(evaluation.getId()).singleResult();
    assertThat(taskService.getIdentityLinksForTask(review.getId()))
        .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo(SUPERVISOR));
    assertThat((String) taskService.getVariable(review.getId(), EvaluationVariables.SUMMARY_TEXT))
        .contains("任务轮次 1 个")
        .contains("2025 年度评估")
        .contains("按时 7 次、逾期 1 次、未报送 1 次")
        .contains("通报批评 1 次");
    FileValue table =
        taskService.getVariableTyped(review.getId(), EvaluationVariables.SUMMARY_TABLE);
    String csv = new String(table.getValue().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(csv)
        .contains("再次通报批评")
        .contains("\"市公安局\",wuzhong-gonganju,1,0,1,0,1,1,1,0,0,0")
        .contains("\"市司法局\",wuzhong-sifaju,1,1,0,0,0,0,0,0,0,0");
    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(
                        EvaluationKind.ANNUAL.processKey(PLAN), Map.of(RoundVariables.YEAR, 2025)))
        .isInstanceOf(RoundRefusedException.class)
        .hasMessageContaining("年度评估");

    formService.submitTaskForm(review.getId(), Map.of("conclusion", "总体按计划推进;市公安局逾期报送,已通报批评。"));
    assertThat(evaluation).isEnded();
  }

  static byte[] pdfBytes() {
    try (var in = pdf("x.pdf").getValue()) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] png() {
    byte[] header = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    return Arrays.copyOf(header, 64);
  }
}
