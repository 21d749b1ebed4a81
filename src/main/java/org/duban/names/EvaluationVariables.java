package org.duban.names;

/** Variables of an evaluation process. */
public final class EvaluationVariables {

  private EvaluationVariables() {}

  public static final String SUPERVISOR_GROUP = "supervisorGroup";
  public static final String TITLE = "evaluationTitle";

  /** The compiled summary: a text and the per-unit table (CSV). */
  public static final String SUMMARY_TEXT = "summaryText";

  public static final String SUMMARY_TABLE = "summaryTable";

  /** Every target of the plan against the values the leads reported (CSV). */
  public static final String TARGET_TABLE = "targetTable";

  /** The office's written conclusion. */
  public static final String CONCLUSION = "conclusion";
}
