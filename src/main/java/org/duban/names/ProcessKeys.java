package org.duban.names;

import org.duban.catalog.AsciiNames;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanProcesses;
import org.duban.catalog.ReportPeriod;
import org.duban.catalog.TaskEntry;

/** The one rule for process keys and names: stable ASCII keys, Chinese names. */
public final class ProcessKeys {

  private ProcessKeys() {}

  /** wuzhong-2022 + 一.4-展会 → wuzhong-2022_1-4-zhanhui */
  public static String round(String planId, String taskNumber) {
    return planId + "_" + AsciiNames.taskSlug(taskNumber);
  }

  /**
   * The plan's notice process (reminders, notices, interviews), one per plan so supervisors stay
   * within their plan.
   */
  public static String notice(String planId) {
    return planId + "_" + PlanProcesses.NOTICE;
  }

  /**
   * The plan's delivery process: one instance per message, recipient and channel, so a plan's
   * supervisors read their plan's deliveries only, and units none.
   */
  public static String delivery(String planId) {
    return planId + "_" + PlanProcesses.DELIVERY;
  }

  /**
   * The plan's extension process (延期申请): one instance per request, business key = the round's key,
   * so the plan's office decides its own plan's requests only.
   */
  public static String extension(String planId) {
    return planId + "_" + PlanProcesses.EXTENSION;
  }

  /** "吴忠 一.4-展会 建立展会知识产权保护机制" */
  public static String roundName(PlanCatalog plan, TaskEntry task) {
    return plan.plan().city() + " " + task.number() + " " + task.title();
  }

  /** Business key of one yearly round: plan/task/year. */
  public static String businessKey(String planId, String taskNumber, int year) {
    return businessKey(planId, taskNumber, year, ReportPeriod.YEAR);
  }

  /** Business key of one round: plan/task/year, or plan/task/year-H1 for a period of the year. */
  public static String businessKey(
      String planId, String taskNumber, int year, ReportPeriod period) {
    return planId
        + "/"
        + taskNumber
        + "/"
        + year
        + (period.code.isEmpty() ? "" : "-" + period.code);
  }

  /** The year of a round's business key (plan/task/year[-period]), or null for another key. */
  public static Integer yearOf(String businessKey) {
    String last = lastSegment(businessKey);
    if (last == null) {
      return null;
    }
    int dash = last.indexOf('-');
    try {
      return Integer.valueOf(dash < 0 ? last : last.substring(0, dash));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The reporting period a round's business key names: the full year where it names none. */
  public static ReportPeriod periodOf(String businessKey) {
    String last = lastSegment(businessKey);
    int dash = last == null ? -1 : last.indexOf('-');
    return dash < 0
        ? ReportPeriod.YEAR
        : ReportPeriod.of(last.substring(dash + 1)).orElse(ReportPeriod.YEAR);
  }

  private static String lastSegment(String businessKey) {
    return businessKey == null ? null : businessKey.substring(businessKey.lastIndexOf('/') + 1);
  }
}
