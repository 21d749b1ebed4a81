package org.duban.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.round.RoundFixture.*;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.catalog.ReportPeriod;
import org.duban.catalog.Reporting;
import org.duban.catalog.RoundCalendar;
import org.duban.catalog.TaskEntry;
import org.duban.modeling.PlanDeployment;
import org.duban.names.NoticeType;
import org.duban.names.RoundVariables;
import org.duban.oversight.Board;
import org.duban.oversight.LedgerRow;
import org.duban.oversight.OverdueFilter;
import org.duban.oversight.OversightQueries;
import org.duban.testsupport.ProcessCoverage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Rounds as a plan schedules them: half-yearly reports (每年6月30日前、12月15日前分别报送半年和全年工作进展) open a round
 * per period with its own business key, due date, duplicate check, ladder and board row; a task
 * with a dated deadline (完成时限:2025年11月底前) has one round, due then.
 */
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ProcessCoverage
class ReportingScheduleTest {

  @Autowired ProcessEngine engine;
  @Autowired PlanCatalogs catalogs;
  @Autowired PlanDeployment deployment;
  @Autowired OversightQueries oversight;
  @Autowired IdentityService identity;

  @AfterEach
  void restore() {
    identity.clearAuthentication();
    new RoundFixture(engine).clear();
    redeploy(ORIGINAL);
  }

  private static PlanCatalog ORIGINAL;

  @org.junit.jupiter.api.BeforeEach
  void keepOriginal() {
    if (ORIGINAL == null) {
      ORIGINAL = catalogs.require(PLAN);
    }
  }

  @Test
  void aHalfYearlyTaskOpensARoundPerPeriodEachWithItsOwnKeyDueDateAndLadder() {
    RoundFixture rounds = new RoundFixture(engine);
    ClockUtil.setCurrentTime(at(2024, 12, 20));
    redeploy(halfYearly(catalogs.require(PLAN)));

    Job opening = timerStart();
    assertThat(day(opening.getDuedate())).isEqualTo(LocalDate.of(2025, 1, 1));
    // the job executor takes a timer once it is due (noon, see YearlyTimer)
    ClockUtil.setCurrentTime(at(java.time.LocalDateTime.of(2025, 1, 1, 12, 30)));
    engine.getManagementService().executeJob(opening.getId());

    ProcessInstance h1 = round(PLAN + "/" + TASK + "/2025-H1");
    assertThat(rounds.runtime.getVariables(h1.getId()))
        .containsEntry(RoundVariables.YEAR, 2025)
        .containsEntry(RoundVariables.PERIOD, "H1")
        .containsEntry(RoundVariables.FINAL_YEAR, false)
        .containsEntry(RoundVariables.ROUND_TITLE, "吴忠 一.4-展会 建立展会知识产权保护机制 2025年上半年");
    assertThat(reportDue(h1)).isEqualTo(LocalDate.of(2025, 6, 30));
    assertThat(day(rounds.coUnitTasks(h1).get(0).getDueDate()))
        .isEqualTo(LocalDate.of(2025, 6, 20));

    // the next period's round opens half a year on, by the same timer
    Job next = timerStart();
    assertThat(day(next.getDuedate())).isEqualTo(LocalDate.of(2025, 7, 1));

    // the period's ladder runs on the period's dates: reminder 3 days before the co-units' 06-20
    RoundFixture.runDueJobsOf(rounds.management, h1);
    assertThat(rounds.notices(h1, NoticeType.REMINDER.name())).isEmpty();
    ClockUtil.setCurrentTime(at(2025, 6, 17));
    RoundFixture.runDueJobsOf(rounds.management, h1);
    assertThat(rounds.noticeUnits(h1, NoticeType.REMINDER.name()))
        .containsExactlyInAnyOrderElementsOf(CO_UNITS);

    // a second round of the same period is refused, naming the period
    assertThatThrownBy(
            () ->
                rounds.runtime.startProcessInstanceByKey(
                    KEY, Map.of(RoundVariables.YEAR, 2025, RoundVariables.PERIOD, "H1")))
        .hasMessageContaining("2025年上半年轮次已经存在")
        .hasMessageContaining(PLAN + "/" + TASK + "/2025-H1");
    // a period the task does not report in is refused, listing those it does
    assertThatThrownBy(
            () ->
                rounds.runtime.startProcessInstanceByKey(
                    KEY, Map.of(RoundVariables.YEAR, 2025, RoundVariables.PERIOD, "Q1")))
        .hasMessageContaining("每半年报送")
        .hasMessageContaining("H1(上半年)")
        .hasMessageContaining("YEAR(年度)");

    ClockUtil.setCurrentTime(at(java.time.LocalDateTime.of(2025, 7, 1, 12, 30)));
    engine.getManagementService().executeJob(next.getId());
    ProcessInstance year = round(PLAN + "/" + TASK + "/2025");
    assertThat(rounds.runtime.getVariables(year.getId()))
        .containsEntry(RoundVariables.PERIOD, "YEAR")
        .containsEntry(RoundVariables.FINAL_YEAR, true);
    assertThat(reportDue(year)).isEqualTo(LocalDate.of(2025, 12, 15));
    assertThat(day(rounds.coUnitTasks(year).get(0).getDueDate()))
        .isEqualTo(LocalDate.of(2025, 12, 5));

    // the board has a row per period of the task, each with its own round
    identity.setAuthentication(SUPERVISOR, List.of(SUPERVISOR));
    Board board = oversight.board(PLAN, 2025);
    List<Board.Row> rows = new ArrayList<>();
    board.tasks().stream().filter(r -> r.taskNumber().equals(TASK)).forEach(rows::add);
    assertThat(rows).extracting(Board.Row::period).containsExactly("2025年上半年", "2025年度");
    assertThat(rows).extracting(Board.Row::roundId).containsExactly(h1.getId(), year.getId());
    assertThat(rows.get(0).cells().get(CO_UNITS.get(0)).light())
        .as("the half-year's report, due 06-20, is overdue on 07-01")
        .isEqualTo("OVERDUE");
    assertThat(rows.get(1).cells().get(CO_UNITS.get(0)).light()).isEqualTo("NOT_DUE");

    // the ledger of 2025 lists the half-year's overdue co-units, with the period, and beside each
    // the sanctions proposed in the half-year's own round (06-26: 拟通报批评)
    identity.clearAuthentication();
    RoundFixture.runDueJobsOf(rounds.management, h1);
    identity.setAuthentication(SUPERVISOR, List.of(SUPERVISOR));
    for (OverdueFilter filter :
        List.of(
            new OverdueFilter(PLAN, 2025, null, null, false),
            new OverdueFilter(PLAN, null, null, null, false))) {
      List<LedgerRow> ledger = oversight.overdue(filter);
      assertThat(ledger)
          .as(
              "year %s: the half-year's co-units, none of the full year's (due 12-05)",
              filter.year())
          .extracting(LedgerRow::unit)
          .containsExactlyInAnyOrderElementsOf(CO_UNITS);
      assertThat(ledger)
          .allSatisfy(
              r -> {
                assertThat(r.roundId()).isEqualTo(h1.getId());
                assertThat(r.year()).isEqualTo(2025);
                assertThat(r.period()).isEqualTo("H1");
                assertThat(r.periodLabel()).isEqualTo("2025年上半年");
                assertThat(r.proposals()).contains("通报批评");
              });
    }
    assertThat(oversight.overdue(new OverdueFilter(PLAN, 2024, null, null, false))).isEmpty();
  }

  @Test
  void aRoundWhoseTimerWasMissedOpensWhenAChangedCatalogReplacesTheTimer() {
    RoundFixture rounds = new RoundFixture(engine);
    ClockUtil.setCurrentTime(at(2024, 12, 20));
    redeploy(halfYearly(ORIGINAL));
    Job missed = timerStart();
    assertThat(day(missed.getDuedate())).isEqualTo(LocalDate.of(2025, 1, 1));

    // the server is down over New Year and comes back with a changed catalog (yearly again): the
    // new version's timer would count from now, so the deployment opens the round itself
    ClockUtil.setCurrentTime(at(2025, 1, 3));
    redeploy(ORIGINAL);
    ProcessInstance round = round(PLAN + "/" + TASK + "/2025");
    assertThat(rounds.runtime.getVariables(round.getId()))
        .containsEntry(RoundVariables.YEAR, 2025)
        .containsEntry(RoundVariables.PERIOD, "YEAR");
    assertThat(reportDue(round)).isEqualTo(LocalDate.of(2025, 12, 15));
    assertThat(engine.getManagementService().createJobQuery().jobId(missed.getId()).count())
        .as("the missed timer was replaced")
        .isZero();
    rounds.clear();

    // a round the office opened by hand meanwhile is not opened a second time
    ClockUtil.setCurrentTime(at(2024, 12, 20));
    redeploy(halfYearly(ORIGINAL, MonthDay.of(6, 30)));
    ClockUtil.setCurrentTime(at(2025, 1, 3));
    rounds.runtime.startProcessInstanceByKey(
        KEY, Map.of(RoundVariables.YEAR, 2025, RoundVariables.PERIOD, "H1"));
    redeploy(halfYearly(ORIGINAL, MonthDay.of(6, 25)));
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .processInstanceBusinessKey(PLAN + "/" + TASK + "/2025-H1")
                .count())
        .isEqualTo(1);
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .count())
        .as("no other round opened")
        .isEqualTo(1);
    assertThat(day(timerStart().getDuedate()))
        .as("the next opening is the full year's")
        .isEqualTo(LocalDate.of(2025, 7, 1));
  }

  @Test
  void aTaskWithADatedDeadlineHasOneRoundDueThen() {
    RoundFixture rounds = new RoundFixture(engine);
    ClockUtil.setCurrentTime(at(2024, 6, 1));
    redeploy(withDeadline(catalogs.require(PLAN), "2025年11月底前"));

    Job opening = timerStart();
    assertThat(day(opening.getDuedate())).isEqualTo(LocalDate.of(2025, 1, 1));
    // no yearly round in between: a manual start of another year is refused
    assertThatThrownBy(() -> rounds.start(2024))
        .hasMessageContaining("完成时限为 2025-11-30")
        .hasMessageContaining("只开启 2025 年度一轮");

    // the office opens the round early, by hand; its timer then finds it open and does nothing
    ProcessInstance round = rounds.start(2025);
    assertThat(round.getBusinessKey()).isEqualTo(PLAN + "/" + TASK + "/2025");
    ClockUtil.setCurrentTime(at(2025, 1, 1));
    engine.getManagementService().executeJob(opening.getId());
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .count())
        .as("one round, no second one and no failed timer")
        .isEqualTo(1);
    assertThat(engine.getManagementService().createJobQuery().withException().count()).isZero();

    // deployed again after its opening day (a server down on the day, a changed catalog): the
    // timer is due at once and opens the round, which nobody had opened yet
    rounds.clear();
    ClockUtil.setCurrentTime(at(2025, 3, 1));
    redeploy(withDeadline(catalogs.require(PLAN), "2025年11月30日前"));
    Job late = timerStart();
    assertThat(day(late.getDuedate())).isEqualTo(LocalDate.of(2025, 1, 1));
    engine.getManagementService().executeJob(late.getId());
    round = round(PLAN + "/" + TASK + "/2025");
    assertThat(rounds.runtime.getVariables(round.getId()))
        .containsEntry(RoundVariables.PERIOD, "YEAR")
        .containsEntry(RoundVariables.FINAL_YEAR, true);
    assertThat(reportDue(round)).isEqualTo(LocalDate.of(2025, 11, 30));
    assertThat(day(rounds.coUnitTasks(round).get(0).getDueDate()))
        .isEqualTo(LocalDate.of(2025, 11, 20));
    assertThat(
            engine
                .getManagementService()
                .createJobQuery()
                .processDefinitionKey(KEY)
                .timers()
                .list()
                .stream()
                .filter(j -> j.getProcessInstanceId() == null)
                .toList())
        .as("the one round opened: no timer waits for another")
        .isEmpty();

    identity.setAuthentication(SUPERVISOR, List.of(SUPERVISOR));
    assertThat(oversight.board(PLAN, 2024).tasks())
        .filteredOn(r -> r.taskNumber().equals(TASK))
        .singleElement()
        .extracting(Board.Row::roundState)
        .isEqualTo("本年度无轮次(完成时限 2025-11-30)");
  }

  /** The lead's due day the round opened with. */
  private LocalDate reportDue(ProcessInstance round) {
    return day(
        (java.util.Date)
            engine.getRuntimeService().getVariable(round.getId(), RoundVariables.REPORT_DUE));
  }

  private void redeploy(PlanCatalog edited) {
    deployment.deploy(edited);
    catalogs.register(edited);
  }

  private Job timerStart() {
    return engine
        .getManagementService()
        .createJobQuery()
        .processDefinitionKey(KEY)
        .timers()
        .list()
        .stream()
        .filter(j -> j.getProcessInstanceId() == null)
        .reduce((a, b) -> a.getDuedate().after(b.getDuedate()) ? a : b)
        .orElseThrow(() -> new AssertionError("no timer start job of " + KEY));
  }

  private ProcessInstance round(String businessKey) {
    ProcessInstance round =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(KEY)
            .processInstanceBusinessKey(businessKey)
            .singleResult();
    assertThat(round).as("round " + businessKey).isNotNull();
    return round;
  }

  static PlanCatalog halfYearly(PlanCatalog plan) {
    return halfYearly(plan, MonthDay.of(6, 30));
  }

  static PlanCatalog halfYearly(PlanCatalog plan, MonthDay firstHalfDue) {
    RoundCalendar c = plan.calendar();
    return new PlanCatalog(
        plan.plan(),
        new RoundCalendar(
            c.roundStarts(),
            c.reportDue(),
            c.coUnitLeadTime(),
            c.reworkTime(),
            c.evaluationStarts(),
            c.midTermEvery(),
            c.minimumLeadTime(),
            c.reviewTime(),
            c.decisionTime(),
            Reporting.HALF_YEARLY,
            Map.of(ReportPeriod.H1, firstHalfDue)),
        plan.escalation(),
        plan.units(),
        plan.tasks());
  }

  static PlanCatalog withDeadline(PlanCatalog plan, String deadline) {
    List<TaskEntry> tasks = new ArrayList<>();
    for (TaskEntry t : plan.tasks()) {
      tasks.add(t.number().equals(TASK) ? t.withDeadline(deadline) : t);
    }
    return new PlanCatalog(plan.plan(), plan.calendar(), plan.escalation(), plan.units(), tasks);
  }
}
