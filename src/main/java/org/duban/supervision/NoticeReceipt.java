package org.duban.supervision;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.names.NoticeVariables;
import org.springframework.stereotype.Component;

/** The unit signs for an issued notice: who, and when, kept on the notice. */
@Component("noticeReceipt")
public class NoticeReceipt implements TaskListener {

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
    notice.setVariable(
        NoticeVariables.ACKNOWLEDGED_BY, user == null ? task.getAssignee() : user.getUserId());
    notice.setVariable(NoticeVariables.ACKNOWLEDGED_AT, ClockUtil.getCurrentTime());
  }
}
