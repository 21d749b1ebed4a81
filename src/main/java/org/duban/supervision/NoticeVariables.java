package org.duban.supervision;

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
}
