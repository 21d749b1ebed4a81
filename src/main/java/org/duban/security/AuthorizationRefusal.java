package org.duban.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;

/**
 * The engine's permission errors as staff read them: in Chinese, naming what is missing (which
 * permission on which kind of resource), without the engine's user and resource ids. One place for
 * the wording of every refusal the webapps and the REST API show.
 */
public final class AuthorizationRefusal {

  private AuthorizationRefusal() {}

  private static final Map<String, String> RESOURCES =
      Map.ofEntries(
          Map.entry("Application", "应用"),
          Map.entry("User", "用户"),
          Map.entry("Group", "用户组"),
          Map.entry("Group membership", "用户组成员"),
          Map.entry("Authorization", "授权"),
          Map.entry("Filter", "过滤器"),
          Map.entry("ProcessDefinition", "流程定义"),
          Map.entry("Task", "任务"),
          Map.entry("ProcessInstance", "流程实例"),
          Map.entry("Deployment", "部署"),
          Map.entry("DecisionDefinition", "决策定义"),
          Map.entry("DecisionRequirementsDefinition", "决策需求定义"),
          Map.entry("Tenant", "租户"),
          Map.entry("TenantMembership", "租户成员"),
          Map.entry("Batch", "批处理"),
          Map.entry("Report", "报表"),
          Map.entry("Dashboard", "仪表盘"),
          Map.entry("OperationLogCatgeory", "操作日志"),
          Map.entry("HistoricTask", "历史任务"),
          Map.entry("HistoricProcessInstance", "历史流程实例"),
          Map.entry("System", "系统"));

  private static final Map<String, String> PERMISSIONS =
      Map.ofEntries(
          Map.entry("ALL", "全部"),
          Map.entry("READ", "读取"),
          Map.entry("UPDATE", "修改"),
          Map.entry("CREATE", "新建"),
          Map.entry("DELETE", "删除"),
          Map.entry("ACCESS", "访问"),
          Map.entry("READ_INSTANCE", "查看流程实例"),
          Map.entry("UPDATE_INSTANCE", "修改流程实例"),
          Map.entry("DELETE_INSTANCE", "删除流程实例"),
          Map.entry("CREATE_INSTANCE", "启动流程实例"),
          Map.entry("READ_HISTORY", "查看历史"),
          Map.entry("DELETE_HISTORY", "删除历史"),
          Map.entry("READ_TASK", "查看任务"),
          Map.entry("UPDATE_TASK", "修改任务"),
          Map.entry("TASK_WORK", "办理任务"),
          Map.entry("TASK_ASSIGN", "分配任务"),
          Map.entry("SUSPEND", "挂起"),
          Map.entry("SUSPEND_INSTANCE", "挂起流程实例"),
          Map.entry("MIGRATE_INSTANCE", "迁移流程实例"),
          Map.entry("RETRY_JOB", "重试作业"),
          Map.entry("UPDATE_VARIABLE", "修改变量"),
          Map.entry("READ_VARIABLE", "查看变量"));

  /** "没有权限执行此操作:缺少对任务的「新建」权限。如确需此权限,请联系系统管理员。" */
  public static String message(AuthorizationException refused) {
    List<MissingAuthorization> missing = refused.getMissingAuthorizations();
    Set<String> parts = new LinkedHashSet<>();
    for (MissingAuthorization m : missing) {
      parts.add(
          "对"
              + scope(m.getResourceId())
              + label(RESOURCES, m.getResourceType())
              + "的「"
              + label(PERMISSIONS, m.getViolatedPermissionName())
              + "」权限");
    }
    String text = parts.isEmpty() ? "没有权限执行此操作。" : "没有权限执行此操作:缺少" + String.join("或", parts) + "。";
    if (missing.stream().anyMatch(AuthorizationRefusal::isTaskCountOfAllPlans)) {
      // Cockpit's 人工任务 page counts the open tasks of every plan per group
      return text + "按用户组统计人工任务需要读取所有规划的任务,只向审计人员开放;督办单位请在任务列表中查看本规划的任务。";
    }
    return text + "如确需此权限,请联系系统管理员。";
  }

  /** "*" is every resource of the kind, no id the kind as such (e.g. creating one), else one. */
  private static String scope(String resourceId) {
    if (resourceId == null) {
      return "";
    }
    return "*".equals(resourceId) ? "全部" : "该";
  }

  private static boolean isTaskCountOfAllPlans(MissingAuthorization m) {
    return "Task".equals(m.getResourceType())
        && "*".equals(m.getResourceId())
        && "READ".equals(m.getViolatedPermissionName());
  }

  private static String label(Map<String, String> labels, String name) {
    return name == null ? "" : labels.getOrDefault(name, name);
  }
}
