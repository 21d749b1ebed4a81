package org.duban.supervision;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** The unit signs for an issued notice: who, and when, kept on the notice. */
@Component("noticeReceipt")
public class NoticeReceipt implements TaskListener {

  public static final String ACKNOWLEDGED_BY = "acknowledgedBy";
  public static final String ACKNOWLEDGED_AT = "acknowledgedAt";

  private final IdentityService identity;

  public NoticeReceipt(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    var user = identity.getCurrentAuthentication();
    var notice = task.getExecution().getProcessInstance();
    notice.setVariable(ACKNOWLEDGED_BY, user == null ? task.getAssignee() : user.getUserId());
    notice.setVariable(ACKNOWLEDGED_AT, ClockUtil.getCurrentTime());
  }
}
