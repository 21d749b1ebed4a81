package org.duban.names;

/** The supervisor's rating of a round's work. */
public enum Rating {
  EXCELLENT("优秀"),
  GOOD("良好"),
  FAIR("一般"),
  POOR("差");

  public final String label;

  Rating(String label) {
    this.label = label;
  }
}
