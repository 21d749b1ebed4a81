package org.duban.names;

/** Element ids and form of every evaluation process. */
public final class EvaluationElements {

  private EvaluationElements() {}

  public static final String START = "startEvent_evaluation";
  public static final String COMPILE = "serviceTask_compileEvaluation";
  public static final String REVIEW = "userTask_reviewEvaluation";
  public static final String END = "endEvent_evaluated";
  public static final String FORM = "forms/evaluation.html";
}
