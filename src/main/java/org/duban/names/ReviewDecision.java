package org.duban.names;

/** The supervisor's conclusion on the lead's consolidated report. */
public enum ReviewDecision {
  ACCEPT("办结", "办结"),
  RETURN("退回", "退回牵头单位"),
  /** Only in the plan's final year: the task is done for good and struck off the list. */
  CLOSE_OUT("销号", "销号(规划末年,任务完成)");

  /** The decision's name in messages and records. */
  public final String label;

  /** How the review form offers it. */
  public final String choice;

  ReviewDecision(String label, String choice) {
    this.label = label;
    this.choice = choice;
  }

  /** Offered only in the plan's final year. */
  public boolean finalYearOnly() {
    return this == CLOSE_OUT;
  }

  /** "办结、退回或销号", for messages. */
  public static String choices() {
    return Labels.either(ReviewDecision.class, d -> d.label);
  }
}
