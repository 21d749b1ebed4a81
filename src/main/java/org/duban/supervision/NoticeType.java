package org.duban.supervision;

/** The records and notices of supervision, from a gentle reminder to an admonitory interview. */
public enum NoticeType {
  REMINDER("催办提醒", "blue"),
  OVERDUE("逾期催办", "yellow"),
  CRITICISM("通报批评", "red"),
  INTERVIEW("约谈", "red"),
  COMMENDATION("通报表扬", "green");

  public final String label;
  public final String colour;

  NoticeType(String label, String colour) {
    this.label = label;
    this.colour = colour;
  }
}
