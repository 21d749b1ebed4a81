package org.duban.oversight;

import static org.duban.round.RoundFixture.*;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.names.NoticeVariables;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundElements;
import org.duban.names.RoundVariables;
import org.duban.round.RoundFixture;

/**
 * The trade-fair round of 2025 on 11 December, as the supervisors' views should show it: six
 * co-units reported on time; the police were criticised (the office issued it) and then reported
 * late; the justice bureau is still overdue, held by 张伟, with its proposed criticism waiting for
 * the office. Quanzhou runs a round of its own. Time moves with the engine clock only.
 */
public final class OversightScenario {

  public static final String SIFAJU = "wuzhong-sifaju";
  public static final String SIFAJU_HANDLER = "zhangwei";
  public static final String QUANZHOU = "quanzhou-2024";
  public static final String QUANZHOU_OFFICE = "quanzhou-lingdaoxiaozu-ban";
  public static final String WUZHONG_OFFICE_NAME = "市市域知识产权保护联席会议办公室";
  public static final String CRITICISM_TEXT = "市公安局逾期未报送年度工作进展,予以通报批评。";

  public final ProcessInstance round;
  public final ProcessInstance quanzhouRound;
  public final HistoricProcessInstance criticism;
  public final HistoricProcessInstance reminder;

  private OversightScenario(
      ProcessInstance round,
      ProcessInstance quanzhouRound,
      HistoricProcessInstance criticism,
      HistoricProcessInstance reminder) {
    this.round = round;
    this.quanzhouRound = quanzhouRound;
    this.criticism = criticism;
    this.reminder = reminder;
  }

  /** Clears the engine (the demo round too) and plays the year up to 11 December 2025. */
  public static OversightScenario play(ProcessEngine engine) {
    RoundFixture rounds = new RoundFixture(engine);
    rounds.clear();
    ClockUtil.setCurrentTime(at(2025, 1, 2));
    ProcessInstance round = rounds.start(2025);
    ProcessInstance quanzhou =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                ProcessKeys.round(QUANZHOU, "一.1"), Map.of(RoundVariables.YEAR, 2025));
    engine
        .getTaskService()
        .claim(rounds.unitTask(round, RoundElements.CO_UNIT, SIFAJU).getId(), SIFAJU_HANDLER);
    for (String unit : CO_UNITS) {
      if (!unit.equals(POLICE) && !unit.equals(SIFAJU)) {
        rounds.submit(round, RoundElements.CO_UNIT, unit);
      }
    }
    // reminder (2 Dec), overdue notice (6 Dec) and proposed criticism (11 Dec) of the two late ones
    ClockUtil.setCurrentTime(at(2025, 12, 11));
    RoundFixture.runDueJobsOf(engine.getManagementService(), round);
    HistoricProcessInstance criticism = of(rounds, round, "CRITICISM", POLICE);
    engine.getTaskService().claim(rounds.noticeTask(criticism).getId(), SUPERVISOR);
    rounds.decide(
        criticism,
        Map.of(
            NoticeVariables.DECISION,
            "ISSUE",
            NoticeVariables.NOTICE_TEXT,
            CRITICISM_TEXT,
            NoticeVariables.CIRCULATED_TO,
            "联席会议各成员单位"));
    rounds.submit(round, RoundElements.CO_UNIT, POLICE);
    RoundFixture.runDueJobsOf(engine.getManagementService(), round);
    return new OversightScenario(round, quanzhou, criticism, of(rounds, round, "REMINDER", POLICE));
  }

  private static HistoricProcessInstance of(
      RoundFixture rounds, ProcessInstance round, String type, String unit) {
    return rounds.notices(round, type).stream()
        .filter(n -> unit.equals(rounds.noticeVariable(n, NoticeVariables.UNIT)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " of " + unit));
  }
}
