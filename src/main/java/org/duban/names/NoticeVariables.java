package org.duban.names;

/** Variables of a notice process instance. */
public final class NoticeVariables {

  private NoticeVariables() {}

  public static final String TYPE = "noticeType";
  public static final String TYPE_LABEL = "noticeTypeLabel";
  public static final String COLOUR = "colour";
  public static final String PLAN_ID = "planId";
  public static final String ROUND_KEY = "roundKey";
  public static final String ROUND_INSTANCE_ID = "roundInstanceId";
  public static final String ROUND_TITLE = "roundTitle";
  public static final String UNIT = "unit";
  public static final String UNIT_NAME = "unitName";
  public static final String HANDLER = "handler";

  /** The handler as people read it: "张伟(zhangwei)". */
  public static final String HANDLER_NAME = "handlerName";

  public static final String REASON = "reason";
  public static final String SUPERVISOR_GROUP = "supervisorGroup";
  public static final String ISSUED_AT = "issuedAt";

  /** Where the notice stands: {@link NoticeStatus}; only ISSUED notices count. */
  public static final String STATUS = "noticeStatus";

  /** Who issued or withdrew a proposed notice (the office's user), and when. */
  public static final String DECIDED_BY = "decidedBy";

  public static final String DECIDED_AT = "decidedAt";

  /** Set on a pending proposal when the unit reports before the office has acted. */
  public static final String UNIT_REPORTED_AT = "unitReportedAt";

  /** Who signed for an issued notice in the unit, and when. */
  public static final String ACKNOWLEDGED_BY = "acknowledgedBy";

  public static final String ACKNOWLEDGED_AT = "acknowledgedAt";

  // the office's forms: issue or withdraw a proposed criticism or interview
  public static final String DECISION = "noticeDecision";
  public static final String WITHDRAW_REASON = "withdrawReason";
  public static final String NOTICE_TEXT = "noticeText";
  public static final String CIRCULATED_TO = "circulatedTo";
  public static final String INTERVIEW_DATE = "interviewDate";
  public static final String INTERVIEWEES = "interviewees";
  public static final String INTERVIEW_NOTES = "interviewNotes";
}
