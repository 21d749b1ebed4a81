package org.duban.names;

/**
 * Names of a delivery's process variables and elements. A delivery is one message to one recipient
 * over one channel; history keeps what was sent, to whom, and every attempt in its job log.
 */
public final class DeliveryVariables {

  private DeliveryVariables() {}

  public static final String START = "startEvent_delivery";
  public static final String DELIVER = "serviceTask_deliver";
  public static final String END = "endEvent_delivered";

  /** Channel code: EMAIL, DINGTALK, WECOM, OUTBOX. */
  public static final String CHANNEL = "channel";

  public static final String CHANNEL_LABEL = "channelLabel";

  /** The recipient's group id (a unit or an office); addresses are read from configuration. */
  public static final String RECIPIENT = "recipient";

  public static final String RECIPIENT_NAME = "recipientName";

  /** What caused the message: NEW_TASK, REMINDER, OVERDUE, CRITICISM, … RETURN. */
  public static final String EVENT = "event";

  public static final String EVENT_LABEL = "eventLabel";

  /** The unit the message is about (the office receives messages about its units). */
  public static final String UNIT = "unit";

  public static final String UNIT_NAME = "unitName";
  public static final String ROUND_TITLE = "roundTitle";
  public static final String SUBJECT = "subject";
  public static final String TEXT = "text";
  public static final String QUEUED_AT = "queuedAt";

  // written by the delivery when it succeeds
  public static final String DELIVERED_AT = "deliveredAt";

  /** Where it went, without secrets: an e-mail address, "钉钉群机器人", "本地发件箱". */
  public static final String DELIVERED_TO = "deliveredTo";
}
