package org.duban.catalog;

import java.util.Set;

/**
 * The processes a plan deploys beside one round process per task. Their keys are the plan id and
 * one of these suffixes, as a round's key is the plan id and its task number in ASCII: a task
 * number that reads as a suffix would give its round the key of a plan process and lose it.
 */
public final class PlanProcesses {

  public static final String NOTICE = "notice";
  public static final String ANNUAL_EVALUATION = "evaluation";
  public static final String MID_TERM_EVALUATION = "midterm";
  public static final String DELIVERY = "delivery";
  public static final String EXTENSION = "extension";

  static final Set<String> SUFFIXES =
      Set.of(NOTICE, ANNUAL_EVALUATION, MID_TERM_EVALUATION, DELIVERY, EXTENSION);

  private PlanProcesses() {}
}
