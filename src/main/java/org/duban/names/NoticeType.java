package org.duban.names;

/**
 * The records and notices of supervision, from a gentle reminder to an admonitory interview. The
 * sanctions are proposed by the escalation ladder and issued (or withdrawn) by the office.
 */
public enum NoticeType {
  REMINDER("催办提醒", "blue", false),
  OVERDUE("逾期催办", "yellow", false),
  CRITICISM("通报批评", "red", true),
  SECOND_CRITICISM("再次通报批评", "red", true),
  INTERVIEW("约谈", "red", true),
  COMMENDATION("通报表扬", "green", false);

  public final String label;
  public final String colour;

  /** Whether the coordinating office decides to issue it; the others are issued by the system. */
  public final boolean officeDecides;

  NoticeType(String label, String colour, boolean officeDecides) {
    this.label = label;
    this.colour = colour;
    this.officeDecides = officeDecides;
  }
}
