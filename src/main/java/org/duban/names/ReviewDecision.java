package org.duban.names;

/** The supervisor's conclusion on the lead's consolidated report. */
public enum ReviewDecision {
  ACCEPT("办结"),
  RETURN("退回"),
  /** Only in the plan's final year: the task is done for good and struck off the list. */
  CLOSE_OUT("销号");

  public final String label;

  ReviewDecision(String label) {
    this.label = label;
  }
}
