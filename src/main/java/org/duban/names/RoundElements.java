package org.duban.names;

/**
 * Deterministic element ids of every round process. The two report stages share one shape; their
 * ids differ by the stage prefix ("coUnit", "lead").
 */
public final class RoundElements {

  private RoundElements() {}

  public static final String START_YEARLY = "startEvent_yearly";
  public static final String ASSIGN_UNITS = "userTask_assignUnits";
  public static final String CO_UNIT_STAGE = "subProcess_coUnitReports";
  public static final String LEAD_STAGE = "subProcess_leadReport";

  /** Merges the first hand-over to the lead and every return from the review (no implicit join). */
  public static final String GATEWAY_LEAD_REPORT = "gateway_leadReport";

  public static final String PUBLISH_CO_UNIT_REPORTS = "serviceTask_publishCoUnitReports";
  public static final String PUBLISH_LEAD_REPORT = "serviceTask_publishLeadReport";
  public static final String REVIEW = "userTask_supervisorReview";
  public static final String GATEWAY_DECISION = "gateway_reviewDecision";
  public static final String COMPLETE = "serviceTask_completeRound";
  public static final String CLOSE_OUT = "serviceTask_closeOutTask";
  public static final String END_COMPLETED = "endEvent_completed";
  public static final String END_CLOSED_OUT = "endEvent_closedOut";

  public static final String CO_UNIT = "coUnit";
  public static final String LEAD = "lead";

  public static String reportTask(String stage) {
    return "userTask_" + stage + "Report";
  }

  public static String collectReport(String stage) {
    return "serviceTask_" + stage + "CollectReport";
  }

  public static String stageStart(String stage) {
    return "startEvent_" + stage + "Report";
  }

  public static String stageEnd(String stage) {
    return "endEvent_" + stage + "Reported";
  }

  /**
   * The timer that arms a rung: the reminder's on the report task's edge, each later rung's in the
   * chain after the rung before it.
   */
  public static String timer(String stage, Rung rung) {
    return (rung == Rung.REMINDER ? "boundaryTimer_" : "timerEvent_") + stage + "_" + rung.id;
  }

  public static String escalate(String stage, Rung rung) {
    return "serviceTask_" + stage + "_" + rung.id;
  }

  public static String escalationEnd(String stage, Rung rung) {
    return "endEvent_" + stage + "_" + rung.id;
  }

  /** The rungs of the escalation ladder on every unit task. */
  public enum Rung {
    REMINDER("reminder", "催办提醒", "记录催办"),
    OVERDUE("overdue", "逾期", "逾期催办(黄牌)"),
    CRITICISM("criticism", "逾期未报", "通报批评"),
    SECOND_CRITICISM("secondCriticism", "再次逾期未报", "再次通报批评");

    public final String id;
    public final String timerName;
    public final String actionName;

    Rung(String id, String timerName, String actionName) {
      this.id = id;
      this.timerName = timerName;
      this.actionName = actionName;
    }
  }
}
