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

  /** "优秀、良好、一般或差", for messages. */
  public static String choices() {
    return Labels.either(Rating.class, r -> r.label);
  }
}
