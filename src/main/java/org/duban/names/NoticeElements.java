package org.duban.names;

/** Element ids of the notice process (bpmn/supervision-notice.bpmn), for code and tests alike. */
public final class NoticeElements {

  private NoticeElements() {}

  public static final String ISSUE_CRITICISM = "userTask_issueCriticism";
  public static final String HOLD_INTERVIEW = "userTask_holdInterview";
  public static final String ACKNOWLEDGE = "userTask_acknowledgeNotice";
}
