package org.duban.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.duban.names.RoundVariables;
import org.duban.round.RoundFixture;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A Wuzhong trade-fair round of 2024 worked to its end, for the audit view: every unit reports with
 * a PDF, the office returns the lead's report, the lead files a second version with one more file,
 * and the office accepts it rated 优秀 (so commendations are issued). The engine clock is set for the
 * round's year and reset afterwards.
 */
public final class FinishedRound {

  public static final int YEAR = 2024;
  public static final String KEY = "wuzhong-2022/一.4-展会/" + YEAR;
  public static final String OFFICE = RoundFixture.SUPERVISOR;
  public static final String RETURN_REASON = "请补充展会执法检查的统计数据";
  public static final String SECOND_FILE = "补充统计表.pdf";
  public static final byte[] SECOND_PDF =
      "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% 补充\ntrailer << /Root 1 0 R >>\n%%EOF\n"
          .getBytes(StandardCharsets.UTF_8);

  private FinishedRound() {}

  /** Works the round through and returns its id. */
  public static String work(ProcessEngine engine) {
    RoundFixture rounds = new RoundFixture(engine);
    TaskService tasks = engine.getTaskService();
    try {
      ClockUtil.setCurrentTime(RoundFixture.at(YEAR, 1, 2));
      ProcessInstance round = rounds.start(YEAR);
      ClockUtil.setCurrentTime(RoundFixture.at(YEAR, 11, 20));
      rounds.allUnitsReport(round);
      ClockUtil.setCurrentTime(RoundFixture.at(YEAR, 12, 1));
      rounds.review(round, "RETURN", null, RETURN_REASON);
      Task again = rounds.leadTask(round);
      ClockUtil.setCurrentTime(RoundFixture.at(YEAR, 12, 3));
      tasks.claim(again.getId(), RoundFixture.LEAD);
      tasks.complete(
          again.getId(),
          rounds.report(
              "补充:全年检查展会 3 场,查处案件 2 起",
              RoundFixture.pdf("工作总结.pdf"),
              RoundFixture.file(SECOND_FILE, SECOND_PDF, "application/pdf")));
      rounds.runDueJobs();
      ClockUtil.setCurrentTime(RoundFixture.at(YEAR, 12, 5));
      // as the office's user, so the operation log names who accepted the report
      engine.getIdentityService().setAuthentication(OFFICE, List.of(OFFICE));
      engine
          .getFormService()
          .submitTaskForm(
              rounds.reviewTask(round).getId(),
              java.util.Map.of(
                  RoundVariables.REVIEW_DECISION,
                  "ACCEPT",
                  RoundVariables.REVIEW_RATING,
                  "EXCELLENT"));
      // the job executor runs the jobs (the commendations' deliveries) as nobody, not as the office
      engine.getIdentityService().clearAuthentication();
      rounds.runDueJobs();
      return round.getId();
    } finally {
      engine.getIdentityService().clearAuthentication();
      ClockUtil.reset();
    }
  }

  /** The stored evidence files of the round (history keeps them after the round ends). */
  public static List<HistoricVariableInstance> evidence(HistoryService history, String roundId) {
    return history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(roundId)
        .variableNameLike("evidence_")
        .includeDeleted()
        .disableBinaryFetching()
        .list();
  }

  /**
   * Changes the bytes the engine stores for a file variable, behind the engine's back, as someone
   * with access to the database could.
   */
  public static void tamper(JdbcTemplate jdbc, String variableId, byte[] bytes) {
    int changed =
        jdbc.update(
            "update ACT_GE_BYTEARRAY set BYTES_ = ? where ID_ ="
                + " (select BYTEARRAY_ID_ from ACT_HI_VARINST where ID_ = ?)",
            bytes,
            variableId);
    if (changed != 1) {
      throw new AssertionError("no stored bytes for variable " + variableId);
    }
  }
}
