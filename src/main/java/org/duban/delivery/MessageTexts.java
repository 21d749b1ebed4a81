package org.duban.delivery;

import org.duban.config.DubanProperties;
import org.duban.names.ProcessKeys;
import org.springframework.stereotype.Component;

/**
 * Every text a recipient reads, in one place: the subject and the body of each kind of message, in
 * plain Chinese, with the plan, task, year, due date and a link to the task in Tasklist.
 */
@Component
public class MessageTexts {

  /** The line robots keep when a long text must be cut to their size limit. */
  static final String LINK_LABEL = "办理入口:";

  private final String tasklistUrl;

  public MessageTexts(DubanProperties properties) {
    String url = properties.delivery().tasklistUrl();
    this.tasklistUrl = url.endsWith("/") ? url : url + "/";
  }

  public String subject(Message m) {
    return "【督办】" + m.kind().label + ":" + m.unitName() + " · " + m.roundTitle();
  }

  /**
   * The message as the recipient reads it. The link opens the unit's own task for the unit; the
   * office, which gets a copy, is sent to Tasklist (the unit's task is not in its inbox).
   */
  public String text(Message m, String recipient, String recipientName) {
    StringBuilder text = new StringBuilder();
    text.append(recipientName).append(":\n\n").append(body(m)).append("\n\n");
    text.append("规划:").append(m.planTitle()).append('\n');
    text.append("任务:").append(m.taskNumber()).append(' ').append(m.taskTitle()).append('\n');
    org.duban.catalog.ReportPeriod period = ProcessKeys.periodOf(m.roundKey());
    if (period == org.duban.catalog.ReportPeriod.YEAR) {
      text.append("年度:").append(m.year()).append("年度\n");
    } else {
      text.append("期次:").append(period.title(m.year())).append('\n');
    }
    text.append("责任单位:").append(m.unitName()).append('\n');
    if (m.due() != null) {
      text.append("截止日期:").append(m.due()).append('\n');
    }
    text.append(LINK_LABEL)
        .append(recipient.equals(m.unit()) ? link(m) : tasklistUrl)
        .append("\n\n");
    text.append("本消息由督办系统自动发送,请勿直接回复。");
    return text.toString();
  }

  /** Tasklist opens the task itself when its id is in the address. */
  String link(Message m) {
    return m.taskId() == null ? tasklistUrl : tasklistUrl + "#/?task=" + m.taskId();
  }

  private static String body(Message m) {
    String reason = m.reason() == null ? "" : m.reason();
    return switch (m.kind()) {
      case NEW_TASK -> m.unitName() + "有一项新的报送任务,请于 " + m.due() + " 前登录督办系统报送工作进展和佐证材料。";
      case REMINDER -> "催办提醒:" + reason + "。";
      case OVERDUE -> "逾期催办(黄牌):" + reason + "。请立即登录督办系统报送,并签收本通知。";
      case CRITICISM, SECOND_CRITICISM ->
          "督办单位已对" + m.unitName() + "签发" + m.kind().label + ":" + reason + "。请签收并按要求整改。";
      case INTERVIEW -> "督办单位已对" + m.unitName() + "进行约谈:" + reason + "。请签收并按约谈要求整改。";
      case COMMENDATION -> "督办单位通报表扬" + m.unitName() + ":" + reason + "。请签收。";
      case RETURN ->
          "督办单位审核退回了" + m.unitName() + "的报送,请按退回意见修改,于 " + m.due() + " 前重新报送。退回意见:" + reason;
      case EXTENSION -> "督办单位已审批" + m.unitName() + "的延期申请:" + reason + "。";
    };
  }
}
