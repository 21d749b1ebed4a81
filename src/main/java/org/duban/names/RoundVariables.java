package org.duban.names;

/** Names of a round's process variables: one place, so forms, delegates and tests agree. */
public final class RoundVariables {

  private RoundVariables() {}

  // set when the round starts
  public static final String YEAR = "year";

  /**
   * The reporting period of the year the round reports on: YEAR (the full-year report), or H1, Q1,
   * Q2, Q3 for a task reporting half-yearly or quarterly; also an optional start variable.
   */
  public static final String PERIOD = "period";

  public static final String PLAN_ID = "planId";
  public static final String TASK_NUMBER = "taskNumber";
  public static final String TASK_TITLE = "taskTitle";
  public static final String ROUND_TITLE = "roundTitle";
  public static final String FINAL_YEAR = "finalYear";
  public static final String LEAD_UNIT = "leadUnit";
  public static final String LEAD_UNIT_NAME = "leadUnitName";
  public static final String CO_UNITS = "coUnits";
  public static final String SUPERVISOR_GROUP = "supervisorGroup";
  public static final String REPORT_DUE = "reportDue";
  public static final String CO_UNIT_DUE = "coUnitDue";
  public static final String TARGETS = "targets";

  /**
   * Plans that assign units per round: the plan's unit directory, JSON [{id, name}], for the
   * assignment form.
   */
  public static final String KNOWN_UNITS = "knownUnits";

  /** Optional start variable: a deadline other than the calendar's (late-started rounds, demo). */
  public static final String LEAD_DUE_OVERRIDE = "leadDueDate";

  // local to one unit's report stage (one per co-unit, one for the lead)
  public static final String UNIT = "unit";
  public static final String UNIT_NAME = "unitName";
  public static final String UNIT_DUE = "unitDue";
  public static final String STAGE = "stage";

  // the report form
  public static final String PROGRESS = "progress";
  public static final String COMPLETION_STATUS = "completionStatus";
  public static final String INDICATOR_VALUES = "indicatorValues";
  public static final String EVIDENCE_PREFIX = "evidence";

  /**
   * The stage's filed report (JSON, one unit's report, with who submitted it when and its
   * evidence), written by the system when the unit's task completes; kept in history.
   */
  public static final String REPORT = "report";

  /** The stored report of one unit: "report_" + group id, JSON text. */
  public static final String REPORT_PREFIX = "report_";

  /**
   * The lead's values against the round's targets (JSON list of {@code TargetResult}), written by
   * the system when the lead's report is published for the review.
   */
  public static final String TARGET_RESULTS = "targetResults";

  // the supervisor's review
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REVIEW_RATING = "reviewRating";
  public static final String RETURN_REASON = "returnReason";
  public static final String REVIEW_COMMENT = "reviewComment";
  public static final String RETURN_COUNT = "returnCount";
  public static final String OUTCOME = "outcome";

  // on the unit's task, for Tasklist
  public static final String WARNING = "warning";

  /** The rung behind the task card's warning, local to the unit's task. */
  public static final String WARNING_LEVEL = "warningLevel";

  public static String evidence(int n) {
    return EVIDENCE_PREFIX + n;
  }

  public static String report(String unitGroup) {
    return REPORT_PREFIX + unitGroup.replace('-', '_');
  }
}
