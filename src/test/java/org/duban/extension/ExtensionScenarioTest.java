package org.duban.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.round.RoundFixture.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.duban.names.ExtensionElements;
import org.duban.names.ExtensionVariables;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundElements;
import org.duban.names.RoundVariables;
import org.duban.round.ReportStage;
import org.duban.round.RoundFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * 市公安局, a co-unit of the trade-fair round due on 5 December, asks the office for more time before
 * its due date. The office approves a date 20 days later, or refuses with a reason; a unit asks at
 * most as often as the catalog allows, and never after its due date. Time moves only through the
 * engine clock; timers fire because the test runs the jobs that fall due.
 */
@SpringBootTest
@ActiveProfiles("test")
class ExtensionScenarioTest {

  static final String HANDLER = "gonganju-li";
  static final String OFFICE_USER = "lianxihuiyiban-wang";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired ExtensionRequests requests;
  @Autowired ExtensionRecords records;
  RoundFixture rounds;
  ProcessInstance round;

  @BeforeEach
  void openTheRoundWithEveryCoUnitButThePoliceReported() {
    rounds = new RoundFixture(engine);
    rounds.clear();
    ClockUtil.setCurrentTime(at(2025, 1, 2));
    round = rounds.start(2025);
    rounds.submitCoUnitsExcept(round, POLICE);
    rounds.runDueJobs();
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    rounds.clear();
  }

  @Test
  void shouldMoveDueDateFollowUpDateAndTheWholeLadderWhenTheOfficeApproves() {
    Task police = policeTask();
    assertThat(day(police.getDueDate())).isEqualTo(LocalDate.of(2025, 12, 5));
    assertThat(rungDays(police))
        .as("the reminder armed")
        .containsExactly(LocalDate.of(2025, 12, 2));

    rounds.moveTo(at(2025, 11, 20));
    String request = ask("2025-12-25", "展会延期至12月中旬举办,需待展会结束后汇总执法数据");

    Task decision = decisionTask(request);
    assertThat(decision.getName()).isEqualTo("延期申请(待审批):市公安局 · " + roundTitle());
    assertThat(decision.getDescription())
        .contains("由 2025-12-05 延至 2025-12-25")
        .contains("展会延期至12月中旬举办");
    assertThat(tasks.getIdentityLinksForTask(decision.getId()))
        .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo(SUPERVISOR));
    assertThat(day(decision.getDueDate()))
        .as("the office decides within the catalog's decision time")
        .isEqualTo(LocalDate.of(2025, 11, 25));

    decide(request, Map.of(ExtensionVariables.DECISION, "APPROVED"));

    police = policeTask();
    assertThat(police.getDueDate()).isEqualTo(endOf(2025, 12, 25));
    assertThat(day(police.getFollowUpDate())).isEqualTo(LocalDate.of(2025, 12, 22));
    assertThat(rungDays(police))
        .as("the reminder, 20 days later; the later rungs below fire 20 days later each")
        .containsExactly(LocalDate.of(2025, 12, 22));
    assertThat(tasks.getVariable(police.getId(), RoundVariables.UNIT_DUE))
        .isEqualTo(endOf(2025, 12, 25));
    assertThat((String) tasks.getVariableLocal(police.getId(), RoundVariables.WARNING))
        .contains("延至 2025-12-25");

    rounds.moveTo(at(2025, 12, 2));
    rounds.moveTo(at(2025, 12, 6));
    rounds.moveTo(at(2025, 12, 11));
    assertThat(rounds.noticeUnits(round, "REMINDER")).doesNotContain(POLICE);
    assertThat(rounds.noticeUnits(round, "OVERDUE")).as("not overdue at the old date").isEmpty();
    assertThat(rounds.notices(round, "CRITICISM")).isEmpty();

    rounds.moveTo(at(2025, 12, 22));
    assertThat(rounds.noticeUnits(round, "REMINDER")).containsExactly(POLICE);
    assertThat(rounds.noticeUnits(round, "OVERDUE")).isEmpty();
    rounds.moveTo(at(2025, 12, 26));
    assertThat(rounds.noticeUnits(round, "OVERDUE")).containsExactly(POLICE);
    assertThat(
            (String)
                rounds.noticeVariable(
                    rounds.notices(round, "OVERDUE").get(0),
                    org.duban.names.NoticeVariables.REASON))
        .contains("2025-12-25");
    rounds.moveTo(at(2025, 12, 31));
    assertThat(rounds.noticeUnits(round, "CRITICISM")).containsExactly(POLICE);
    rounds.moveTo(at(2026, 1, 5));
    assertThat(rounds.noticeUnits(round, "SECOND_CRITICISM")).containsExactly(POLICE);
    assertThat(rounds.noticeUnits(round, "INTERVIEW")).containsExactly(POLICE);

    ExtensionRecord record = onlyRecord();
    assertThat(record.status()).isEqualTo("APPROVED");
    assertThat(record.statusLabel()).isEqualTo("已批准");
    assertThat(record.unit()).isEqualTo(POLICE);
    assertThat(record.requestedBy()).isEqualTo(HANDLER);
    assertThat(record.requestedAt()).isEqualTo("2025-11-20 09:00");
    assertThat(record.reason()).startsWith("展会延期");
    assertThat(record.currentDue()).isEqualTo("2025-12-05");
    assertThat(record.proposedDue()).isEqualTo("2025-12-25");
    assertThat(record.grantedDue()).isEqualTo("2025-12-25");
    assertThat(record.decidedBy()).isEqualTo(OFFICE_USER);
    assertThat(record.decidedAt()).isEqualTo("2025-11-20 09:00");
    assertThat(record.outcomeNote()).isEqualTo("已批准延期:报送截止日期由 2025-12-05 延至 2025-12-25");
  }

  @Test
  void shouldCountAReportBeforeTheNewDateAsOnTime() throws Exception {
    rounds.moveTo(at(2025, 11, 20));
    String request = ask("2025-12-25", "数据待汇总");
    decide(request, Map.of(ExtensionVariables.DECISION, "APPROVED"));

    rounds.moveTo(at(2025, 12, 20));
    rounds.submit(round, RoundElements.CO_UNIT, POLICE);
    rounds.runDueJobs();

    Task lead = rounds.leadTask(round);
    String report = (String) tasks.getVariable(lead.getId(), RoundVariables.report(POLICE));
    assertThat(report).contains("\"onTime\":true");
    assertThat(rounds.noticeUnits(round, "OVERDUE")).isEmpty();
  }

  @Test
  void shouldLetTheOfficeSetAnotherDateThanTheProposedOne() {
    rounds.moveTo(at(2025, 11, 20));
    String request = ask("2025-12-31", "数据待汇总");

    decide(
        request,
        Map.of(ExtensionVariables.DECISION, "APPROVED", ExtensionVariables.NEW_DUE, "2025-12-15"));

    assertThat(day(policeTask().getDueDate())).isEqualTo(LocalDate.of(2025, 12, 15));
    assertThat(onlyRecord().grantedDue()).isEqualTo("2025-12-15");
  }

  @Test
  void shouldKeepTheDatesAndRecordTheReasonWhenTheOfficeRefuses() {
    rounds.moveTo(at(2025, 11, 20));
    List<LocalDate> before = rungDays(policeTask());
    String request = ask("2025-12-25", "人手不足");

    assertThatThrownBy(() -> decide(request, Map.of(ExtensionVariables.DECISION, "REFUSED")))
        .hasMessageContaining("不予延期时必须填写「不予延期理由」");
    decide(
        request,
        Map.of(
            ExtensionVariables.DECISION,
            "REFUSED",
            ExtensionVariables.REFUSAL_REASON,
            "展会数据可先报已有部分,不影响按期报送"));

    Task police = policeTask();
    assertThat(day(police.getDueDate())).isEqualTo(LocalDate.of(2025, 12, 5));
    assertThat(day(police.getFollowUpDate())).isEqualTo(LocalDate.of(2025, 12, 2));
    assertThat(rungDays(police)).isEqualTo(before);
    ExtensionRecord record = onlyRecord();
    assertThat(record.status()).isEqualTo("REFUSED");
    assertThat(record.refusalReason()).isEqualTo("展会数据可先报已有部分,不影响按期报送");
    assertThat(record.grantedDue()).isNull();
    assertThat(record.decidedBy()).isEqualTo(OFFICE_USER);
    assertThat(record.outcomeNote()).contains("仍为 2025-12-05").contains("不影响按期报送");

    rounds.moveTo(at(2025, 12, 6));
    assertThat(rounds.noticeUnits(round, "OVERDUE")).containsExactly(POLICE);
  }

  @Test
  void shouldRefuseASecondRequestBeyondTheCatalogsLimit() {
    rounds.moveTo(at(2025, 11, 20));
    String first = ask("2025-12-25", "人手不足");

    assertThatThrownBy(() -> ask("2025-12-20", "再次申请"))
        .isInstanceOf(ExtensionRefusedException.class)
        .hasMessageContaining("已有一项延期申请待督办单位审批");

    decide(
        first,
        Map.of(ExtensionVariables.DECISION, "REFUSED", ExtensionVariables.REFUSAL_REASON, "不予同意"));

    assertThatThrownBy(() -> ask("2025-12-20", "再次申请"))
        .isInstanceOf(ExtensionRefusedException.class)
        .hasMessage("延期申请未提交:本任务已申请延期 1 次,督办规则每项报送任务最多允许申请 1 次");
    assertThat(records.ofRound(PLAN, round.getBusinessKey())).hasSize(1);
  }

  @Test
  void shouldFileOnlyOneOfTwoRequestsMadeAtTheSameMoment() throws Exception {
    rounds.moveTo(at(2025, 11, 20));
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    java.util.concurrent.Callable<Object> asking =
        () -> {
          together.await();
          try {
            return ask("2025-12-25", "两位经办人同时申请");
          } catch (ExtensionRefusedException refused) {
            return refused;
          }
        };
    try {
      var first = pool.submit(asking);
      var second = pool.submit(asking);
      List<Object> answers = List.of(first.get(), second.get());

      assertThat(answers).filteredOn(String.class::isInstance).hasSize(1);
      assertThat(answers)
          .filteredOn(ExtensionRefusedException.class::isInstance)
          .singleElement()
          .extracting(e -> ((ExtensionRefusedException) e).getMessage())
          .asString()
          .matches(".*(正在提交|待督办单位审批).*");
    } finally {
      pool.shutdownNow();
    }
    assertThat(records.ofRound(PLAN, round.getBusinessKey())).hasSize(1);
    assertThat(tasks.getVariableLocal(policeTask().getId(), ExtensionVariables.TASK_REQUESTS))
        .isEqualTo(1);
  }

  @Test
  void shouldRefuseARequestAfterTheDueDate() {
    rounds.moveTo(at(LocalDateTime.of(2025, 12, 6, 0, 30)));

    assertThatThrownBy(() -> ask("2025-12-25", "来不及"))
        .isInstanceOf(ExtensionRefusedException.class)
        .hasMessage("延期申请未提交:报送截止日期 2025-12-05 已过,延期申请须在截止日期前提出;请尽快报送");
    assertThat(records.ofRound(PLAN, round.getBusinessKey())).isEmpty();
  }

  @Test
  void shouldRefuseARequestWithoutReasonOrWithADateNotAfterTheDueDateOrBeyondThePlan() {
    rounds.moveTo(at(2025, 11, 20));

    assertThatThrownBy(() -> ask("2025-12-25", "  ")).hasMessage("延期申请未提交:请填写「延期理由」");
    assertThatThrownBy(() -> ask("2025-12-25", "长".repeat(501))).hasMessageContaining("最多 500 字");
    assertThatThrownBy(() -> ask("2025-12-05", "理由"))
        .hasMessage("延期申请未提交:「拟延至日期」2025-12-05 应晚于现在的报送截止日期 2025-12-05");
    assertThatThrownBy(() -> ask("12月25日", "理由")).hasMessageContaining("不是日期");
    assertThatThrownBy(() -> ask("2026-01-10", "理由"))
        .as("the round's year, and wuzhong-2022's period, end in 2025")
        .hasMessageContaining("超出本轮所在年度(2025 年)");
    assertThat(records.ofRound(PLAN, round.getBusinessKey())).isEmpty();
  }

  @Test
  void shouldRefuseAnotherUnitsTaskAndAnyTaskThatIsNoOpenReport() {
    rounds.moveTo(at(2025, 11, 20));
    Task police = policeTask();

    assertThatThrownBy(
            () ->
                requests.request(
                    new ExtensionRequest(police.getId(), "替公安局申请", "2025-12-25"),
                    "sifaju-zhao",
                    List.of("wuzhong-sifaju")))
        .isInstanceOf(ExtensionRefusedException.class)
        .hasMessage("只能为本单位的报送任务申请延期:该任务不属于您所在的单位")
        .extracting(e -> ((ExtensionRefusedException) e).status())
        .isEqualTo(403);
    assertThatThrownBy(
            () ->
                requests.request(
                    new ExtensionRequest(police.getId(), "督办代为申请", "2025-12-25"),
                    OFFICE_USER,
                    List.of(SUPERVISOR)))
        .hasMessageContaining("不属于您所在的单位");
    assertThatThrownBy(
            () ->
                requests.request(
                    new ExtensionRequest("no-such-task", "理由", "2025-12-25"),
                    HANDLER,
                    List.of(POLICE)))
        .extracting(e -> ((ExtensionRefusedException) e).status())
        .isEqualTo(404);
  }

  @Test
  void shouldChangeNothingWhenTheUnitReportedWhileItsRequestWaited() {
    rounds.moveTo(at(2025, 11, 20));
    String request = ask("2025-12-25", "数据待汇总");
    rounds.submit(round, RoundElements.CO_UNIT, POLICE);
    rounds.runDueJobs();
    assertThat(decisionTask(request).getDescription())
        .as("the office decides knowing the unit has reported")
        .startsWith("该单位已于 2025-11-20 报送");
    assertThat(runtime.getVariable(request, ExtensionVariables.UNIT_REPORTED_AT))
        .isEqualTo(at(2025, 11, 20));

    decide(request, Map.of(ExtensionVariables.DECISION, "APPROVED"));

    ExtensionRecord record = onlyRecord();
    assertThat(record.status()).isEqualTo("APPROVED");
    assertThat(record.grantedDue()).isNull();
    assertThat(record.outcomeNote()).contains("在审批前已办结").contains("报送期限未作调整");
    assertThat(day(rounds.leadTask(round).getDueDate()))
        .as("the lead keeps the calendar")
        .isEqualTo(LocalDate.of(2025, 12, 15));
  }

  @Test
  void shouldRefuseADecisionDateNotAfterTheDueDate() {
    rounds.moveTo(at(2025, 11, 20));
    String request = ask("2025-12-25", "数据待汇总");

    assertThatThrownBy(
            () ->
                decide(
                    request,
                    Map.of(
                        ExtensionVariables.DECISION,
                        "APPROVED",
                        ExtensionVariables.NEW_DUE,
                        "2025-12-01")))
        .hasMessageContaining("「延至日期」2025-12-01 应晚于原报送截止日期 2025-12-05");
    assertThatThrownBy(() -> decide(request, Map.of(ExtensionVariables.DECISION, "MAYBE")))
        .hasMessageContaining("「审批结论」为必填项");
    assertThat(day(policeTask().getDueDate())).isEqualTo(LocalDate.of(2025, 12, 5));
  }

  @Test
  void shouldRefuseAStartOfTheExtensionProcessThatDidNotComeThroughARequest() {
    Map<String, Object> forged = new HashMap<>();
    forged.put(ExtensionVariables.UNIT_TASK_ID, policeTask().getId());
    forged.put(ExtensionVariables.SUPERVISOR_GROUP, POLICE);
    forged.put(ExtensionVariables.STATUS, "APPROVED");
    forged.put(ExtensionVariables.GRANTED_DUE, "2025-12-31");

    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(ProcessKeys.extension(PLAN), forged))
        .hasMessageContaining("延期申请只能由责任单位在本单位的报送任务中提出");
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(ProcessKeys.extension(PLAN))
                .count())
        .isZero();
  }

  @Test
  void shouldRefuseTheOfficeAskingItselfOnATaskItConsolidates() {
    // 一.1 names no lead: the office consolidates the units' reports and would decide its own ask
    ProcessInstance joint =
        runtime.startProcessInstanceByKey(
            ProcessKeys.round(PLAN, "一.1"), Map.of(org.duban.names.RoundVariables.YEAR, 2025));
    for (Task t : rounds.coUnitTasks(joint)) {
      String unit =
          tasks.getIdentityLinksForTask(t.getId()).stream()
              .filter(l -> l.getGroupId() != null)
              .findFirst()
              .orElseThrow()
              .getGroupId();
      rounds.submit(joint, RoundElements.CO_UNIT, unit);
    }
    RoundFixture.runDueJobsOf(management, joint);
    Task lead = rounds.unitTask(joint, RoundElements.LEAD, SUPERVISOR);
    assertThat(lead).as("the office's own consolidating task").isNotNull();

    assertThatThrownBy(
            () ->
                requests.request(
                    new ExtensionRequest(lead.getId(), "汇总需要时间", "2025-12-25"),
                    OFFICE_USER,
                    List.of(SUPERVISOR)))
        .isInstanceOf(ExtensionRefusedException.class)
        .hasMessageContaining("督办单位自行汇总的报送任务不能申请延期");
  }

  @Test
  void shouldRefuseADecisionByTheAskingUnitAndAnApprovalAfterTheOldDueDate() {
    rounds.moveTo(at(2025, 11, 20));
    String request = ask("2025-12-25", "数据待汇总");

    // a person in both the police's group and the office's may not decide the police's request
    identity.setAuthentication("both-hats", List.of(SUPERVISOR, POLICE));
    try {
      assertThatThrownBy(
              () ->
                  forms.submitTaskForm(
                      decisionTask(request).getId(),
                      Map.of(ExtensionVariables.DECISION, "APPROVED")))
          .hasMessageContaining("不能审批本单位提出的延期申请");
    } finally {
      identity.clearAuthentication();
    }

    // once the old due date has passed, the office may only refuse
    rounds.moveTo(at(2025, 12, 7));
    assertThatThrownBy(() -> decide(request, Map.of(ExtensionVariables.DECISION, "APPROVED")))
        .hasMessageContaining("原报送截止日期 2025-12-05 已过,已不能批准延期");
    assertThat(day(policeTask().getDueDate())).isEqualTo(LocalDate.of(2025, 12, 5));
    decide(
        request,
        Map.of(ExtensionVariables.DECISION, "REFUSED", ExtensionVariables.REFUSAL_REASON, "已逾期"));
    assertThat(onlyRecord().status()).isEqualTo("REFUSED");
  }

  // ------------------------------------------------------------------ steps

  private String ask(String proposedDue, String reason) {
    return requests.request(
        new ExtensionRequest(policeTask().getId(), reason, proposedDue), HANDLER, List.of(POLICE));
  }

  /** The office decides through its form, as Tasklist submits it, logged in as its member. */
  private void decide(String request, Map<String, Object> form) {
    identity.setAuthentication(OFFICE_USER, List.of(SUPERVISOR));
    try {
      forms.submitTaskForm(decisionTask(request).getId(), form);
    } finally {
      identity.clearAuthentication();
    }
    rounds.runDueJobs();
  }

  private Task decisionTask(String request) {
    return tasks
        .createTaskQuery()
        .processInstanceId(request)
        .taskDefinitionKey(ExtensionElements.DECIDE)
        .singleResult();
  }

  private Task policeTask() {
    return rounds.unitTask(round, RoundElements.CO_UNIT, POLICE);
  }

  private ExtensionRecord onlyRecord() {
    List<ExtensionRecord> all = records.ofRound(PLAN, round.getBusinessKey());
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  private String roundTitle() {
    return (String) runtime.getVariable(round.getId(), RoundVariables.ROUND_TITLE);
  }

  /** The day the ladder's armed rung falls due: one timer at a time, in ladder order. */
  private List<LocalDate> rungDays(Task task) {
    return management
        .createJobQuery()
        .processInstanceId(task.getProcessInstanceId())
        .timers()
        .list()
        .stream()
        .filter(job -> stageOf(job.getExecutionId()).equals(stageOf(task.getExecutionId())))
        .map(job -> day(job.getDuedate()))
        .toList();
  }

  /** The report stage (multi-instance inner execution) an execution of the round belongs to. */
  private String stageOf(String executionId) {
    return ((org.camunda.bpm.engine.impl.RuntimeServiceImpl) runtime)
        .getCommandExecutor()
        .execute(
            context -> {
              var execution = context.getExecutionManager().findExecutionById(executionId);
              return ReportStage.scopeOf(execution).getId();
            });
  }

  private static Date endOf(int year, int month, int day) {
    return Date.from(
        LocalDate.of(year, month, day).plusDays(1).atStartOfDay(ZONE).toInstant().minusSeconds(1));
  }
}
