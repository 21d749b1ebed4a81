package org.duban.extension;

import static org.duban.names.ExtensionVariables.*;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.engine.SystemQueries;
import org.duban.identity.PeopleNames;
import org.duban.names.ExtensionStatus;
import org.duban.names.ModelProperties;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundElements;
import org.duban.names.RoundVariables;
import org.duban.schedule.Deadlines;
import org.springframework.stereotype.Service;

/**
 * A unit asks for more time on its open report task (延期申请). Everything is checked here, on the
 * server, against the task as the engine holds it, never against what the caller says about it: the
 * caller belongs to the unit the task is offered to, the task is an open report task of a round,
 * its due date has not passed, the reason is given and bounded, the proposed day lies after the due
 * date and within the plan's period ({@link LatestDue}), no other request of this task waits for
 * the office, and the task has asked fewer times than the catalog allows. Then the request starts
 * the plan's extension process as the system (units may start no process themselves), in one
 * transaction with the task's request count ({@code extensionRequests}), so two requests at once
 * cannot both pass.
 */
@Service
public class ExtensionRequests {

  private final TaskService tasks;
  private final org.camunda.bpm.engine.RepositoryService repository;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final IdentityService identity;
  private final PlanCatalogs catalogs;
  private final Deadlines deadlines;
  private final PeopleNames people;
  private final ExtensionRecords records;
  private final CommandExecutor commands;

  public ExtensionRequests(
      TaskService tasks,
      RuntimeService runtime,
      HistoryService history,
      IdentityService identity,
      PlanCatalogs catalogs,
      Deadlines deadlines,
      PeopleNames people,
      ExtensionRecords records,
      ProcessEngine engine) {
    this.repository = engine.getRepositoryService();
    this.tasks = tasks;
    this.runtime = runtime;
    this.history = history;
    this.identity = identity;
    this.catalogs = catalogs;
    this.deadlines = deadlines;
    this.people = people;
    this.records = records;
    this.commands =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
  }

  /** What a unit task allows: how often it asked, how often it may, and a request waiting. */
  public record Allowance(
      int asked, int allowed, boolean pending, String dueDate, List<ExtensionRecord> requests) {}

  /**
   * Files the request of the user (with the groups it belongs to) and answers the new request's
   * process instance id.
   */
  public String request(ExtensionRequest request, String userId, List<String> groups) {
    return SystemQueries.outsideAuthorizations(
        identity, () -> check(request, userId, groups).start());
  }

  /** The task's allowance, for the report form; the same membership rule as a request. */
  public Allowance allowance(String taskId, List<String> groups) {
    return SystemQueries.outsideAuthorizations(
        identity,
        () -> {
          UnitTask task = unitTask(taskId, groups);
          return new Allowance(
              asked(task),
              allowed(task),
              pending(task),
              deadlines.day(task.task().getDueDate()).toString(),
              records.ofRound(task.plan().id(), roundKey(task)).stream()
                  .filter(r -> task.unit().equals(r.unit()))
                  .toList());
        });
  }

  private Checked check(ExtensionRequest request, String userId, List<String> groups) {
    if (request == null || request.taskId() == null || request.taskId().isBlank()) {
      throw ExtensionRefusedException.invalid("请指明要延期的报送任务(taskId)");
    }
    UnitTask unit = unitTask(request.taskId().trim(), groups);
    Task task = unit.task();
    LocalDate due = deadlines.day(task.getDueDate());
    if (ClockUtil.getCurrentTime().after(task.getDueDate())) {
      throw ExtensionRefusedException.invalid("报送截止日期 " + due + " 已过,延期申请须在截止日期前提出;请尽快报送");
    }
    String reason = request.reason() == null ? "" : request.reason().trim();
    if (reason.isEmpty()) {
      throw ExtensionRefusedException.invalid("请填写「延期理由」");
    }
    if (reason.length() > ExtensionRequest.MAX_REASON) {
      throw ExtensionRefusedException.invalid(
          "「延期理由」最多 " + ExtensionRequest.MAX_REASON + " 字,现为 " + reason.length() + " 字");
    }
    LocalDate proposed = parse(request.proposedDue());
    if (!proposed.isAfter(due)) {
      throw ExtensionRefusedException.invalid("「拟延至日期」" + proposed + " 应晚于现在的报送截止日期 " + due);
    }
    Integer year = unit.year();
    if (proposed.isAfter(LatestDue.of(unit.plan(), year, due))) {
      throw ExtensionRefusedException.invalid(
          "「拟延至日期」" + proposed + " " + LatestDue.explain(unit.plan(), year, due));
    }
    int allowed = allowed(unit);
    if (allowed == 0) {
      throw ExtensionRefusedException.invalid("本规划的督办规则不允许延期申请");
    }
    if (pending(unit)) {
      throw ExtensionRefusedException.invalid("本任务已有一项延期申请待督办单位审批,请等待审批结果");
    }
    int asked = asked(unit);
    if (asked >= allowed) {
      throw ExtensionRefusedException.invalid(
          "本任务已申请延期 " + asked + " 次,督办规则每项报送任务最多允许申请 " + allowed + " 次");
    }
    return new Checked(unit, userId, reason, due, proposed, asked + 1, allowed);
  }

  /**
   * The open report task and the unit it belongs to. The unit is the one its report stage was
   * opened for (the stage's {@code unit}), not whatever candidate group the task carries now: an
   * office may reassign tasks, and must not ask in a unit's name by giving itself the task.
   */
  private UnitTask unitTask(String taskId, List<String> groups) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || !isReportTask(task)) {
      throw ExtensionRefusedException.notFound("没有这个待办的报送任务:只有尚未报送的报送任务可以申请延期");
    }
    String unit = (String) runtime.getVariable(task.getExecutionId(), RoundVariables.UNIT);
    if (unit == null || !groups.contains(unit) || !candidateGroups(taskId).equals(List.of(unit))) {
      throw ExtensionRefusedException.forbidden("只能为本单位的报送任务申请延期:该任务不属于您所在的单位");
    }
    Map<String, Object> round =
        runtime.getVariables(
            task.getProcessInstanceId(),
            List.of(RoundVariables.PLAN_ID, RoundVariables.SUPERVISOR_GROUP, RoundVariables.YEAR));
    if (unit.equals(round.get(RoundVariables.SUPERVISOR_GROUP))) {
      // the office consolidates a jointly-responsible task itself: it would ask itself
      throw ExtensionRefusedException.forbidden("督办单位自行汇总的报送任务不能申请延期:审批延期的正是督办单位本身");
    }
    PlanCatalog plan = catalogs.plan((String) round.get(RoundVariables.PLAN_ID)).orElse(null);
    if (plan == null) {
      throw ExtensionRefusedException.notFound("该任务所属的规划已不在目录中,不能申请延期");
    }
    Object year = round.get(RoundVariables.YEAR);
    return new UnitTask(task, unit, plan, year instanceof Number n ? n.intValue() : null);
  }

  /**
   * The limit the round's process version was deployed with, so that editing the catalog changes
   * later rounds only; the catalog's for a version that kept none.
   */
  private int allowed(UnitTask unit) {
    String kept =
        ModelProperties.of(
                (org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity)
                    repository.getProcessDefinition(unit.task().getProcessDefinitionId()),
                repository.getBpmnModelInstance(unit.task().getProcessDefinitionId()))
            .get(ModelProperties.EXTENSIONS_ALLOWED);
    return kept == null ? unit.plan().escalation().extensionsAllowed() : Integer.parseInt(kept);
  }

  private static boolean isReportTask(Task task) {
    return RoundElements.reportTask(RoundElements.CO_UNIT).equals(task.getTaskDefinitionKey())
        || RoundElements.reportTask(RoundElements.LEAD).equals(task.getTaskDefinitionKey());
  }

  private List<String> candidateGroups(String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .distinct()
        .toList();
  }

  /** Every request this task made, decided or not: refused ones count too. */
  private int asked(UnitTask unit) {
    return (int)
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(ProcessKeys.extension(unit.plan().id()))
            .variableValueEquals(UNIT_TASK_ID, unit.task().getId())
            .count();
  }

  private boolean pending(UnitTask unit) {
    return runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(ProcessKeys.extension(unit.plan().id()))
            .variableValueEquals(UNIT_TASK_ID, unit.task().getId())
            .count()
        > 0;
  }

  private static LocalDate parse(String value) {
    if (value == null || value.isBlank()) {
      throw ExtensionRefusedException.invalid("请填写「拟延至日期」(例如 2025-12-25)");
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ExtensionRefusedException.invalid("「拟延至日期」「" + value + "」不是日期(例如 2025-12-25)");
    }
  }

  /** Another request of the same task won: its count was written first (insert or update). */
  private static boolean concurrent(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockingException
          || (t instanceof SQLException sql
              && sql.getSQLState() != null
              && sql.getSQLState().startsWith("23"))) {
        return true;
      }
    }
    return false;
  }

  private String roundKey(UnitTask unit) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceId(unit.task().getProcessInstanceId())
        .singleResult()
        .getBusinessKey();
  }

  private record UnitTask(Task task, String unit, PlanCatalog plan, Integer year) {}

  private final class Checked {
    final UnitTask unit;
    final Map<String, Object> vars = new HashMap<>();

    Checked(
        UnitTask unit,
        String userId,
        String reason,
        LocalDate due,
        LocalDate proposed,
        int number,
        int allowed) {
      this.unit = unit;
      String round = unit.task().getProcessInstanceId();
      Map<String, Object> scope =
          tasks.getVariables(
              unit.task().getId(),
              List.of(
                  RoundVariables.ROUND_TITLE,
                  RoundVariables.STAGE,
                  RoundVariables.UNIT_NAME,
                  RoundVariables.SUPERVISOR_GROUP));
      vars.put(PLAN_ID, unit.plan().id());
      vars.put(ROUND_INSTANCE_ID, round);
      vars.put(ROUND_TITLE, scope.get(RoundVariables.ROUND_TITLE));
      vars.put(UNIT_TASK_ID, unit.task().getId());
      vars.put(ROUND_YEAR, unit.year());
      vars.put(STAGE, scope.get(RoundVariables.STAGE));
      vars.put(UNIT, unit.unit());
      vars.put(UNIT_NAME, scope.get(RoundVariables.UNIT_NAME));
      vars.put(SUPERVISOR_GROUP, scope.get(RoundVariables.SUPERVISOR_GROUP));
      vars.put(REQUESTED_BY, userId);
      vars.put(REQUESTED_BY_NAME, people.of(userId));
      vars.put(REQUESTED_AT, ClockUtil.getCurrentTime());
      vars.put(REQUEST_REASON, reason);
      vars.put(CURRENT_DUE, due.toString());
      vars.put(PROPOSED_DUE, proposed.toString());
      vars.put(REQUEST_NUMBER, number);
      vars.put(REQUESTS_ALLOWED, allowed);
      vars.put(STATUS, ExtensionStatus.PENDING.name());
    }

    String start() {
      String roundKey = roundKey(unit);
      vars.put(ROUND_KEY, roundKey);
      ProcessInstance started;
      try {
        // one engine command: the task's count and the request commit together or not at all
        started =
            commands.execute(
                context -> {
                  // checked again where it is written: a request that committed after this one's
                  // checks ran must not be overwritten by a second one
                  if (tasks.createTaskQuery().taskId(unit.task().getId()).count() == 0) {
                    throw ExtensionRefusedException.notFound("该报送任务已经报送或已关闭,不能再申请延期");
                  }
                  Object asked = tasks.getVariableLocal(unit.task().getId(), TASK_REQUESTS);
                  int before = asked instanceof Number n ? n.intValue() : 0;
                  if (before != (int) vars.get(REQUEST_NUMBER) - 1 || pending(unit)) {
                    throw new ExtensionRefusedException(409, "延期申请未提交:本任务的另一项延期申请正在提交,请刷新后查看");
                  }
                  tasks.setVariableLocal(
                      unit.task().getId(), TASK_REQUESTS, vars.get(REQUEST_NUMBER));
                  return ExtensionStartGuard.admit(
                      () ->
                          runtime.startProcessInstanceByKey(
                              ProcessKeys.extension(unit.plan().id()), roundKey, vars));
                });
      } catch (ProcessEngineException e) {
        if (concurrent(e)) {
          throw new ExtensionRefusedException(409, "延期申请未提交:本任务的另一项延期申请正在提交,请刷新后查看");
        }
        throw e;
      }
      return started.getId();
    }
  }
}
