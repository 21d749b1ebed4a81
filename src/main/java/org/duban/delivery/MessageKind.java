package org.duban.delivery;

import org.duban.names.NoticeType;

/** What a message tells its recipient: a new task, a rung of the ladder, a notice, a return. */
public enum MessageKind {
  NEW_TASK("新任务"),
  REMINDER("催办提醒"),
  OVERDUE("逾期催办"),
  CRITICISM("通报批评"),
  SECOND_CRITICISM("再次通报批评"),
  INTERVIEW("约谈"),
  COMMENDATION("通报表扬"),
  RETURN("退回修改"),
  EXTENSION("延期申请审批结果");

  public final String label;

  MessageKind(String label) {
    this.label = label;
  }

  static MessageKind of(NoticeType type) {
    return valueOf(type.name());
  }

  /** Sanctions and commendations are the office's acts: it receives them too, for its records. */
  boolean copiesOffice() {
    return this == CRITICISM
        || this == SECOND_CRITICISM
        || this == INTERVIEW
        || this == COMMENDATION;
  }
}
