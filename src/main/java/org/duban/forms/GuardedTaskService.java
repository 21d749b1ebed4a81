package org.duban.forms;

import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's task service with one rule added for callers from outside the engine (REST, webapps,
 * any Java client): a task's variables are written only by submitting its form. Every completion
 * becomes a form submission, so {@link CheckedTaskFormHandler} checks who submits what and stores
 * it; writing, patching or removing task variables directly, resolving with variables, and throwing
 * BPMN errors or escalations from a task are refused. Delegates and listeners, which run inside an
 * engine command, are the system and keep the full API.
 */
public class GuardedTaskService extends TaskServiceImpl {

  private final TaskInputGuard guard;

  public GuardedTaskService(TaskInputGuard guard) {
    this.guard = guard;
  }

  public TaskInputGuard guard() {
    return guard;
  }

  @Override
  public void complete(String taskId) {
    complete(taskId, null);
  }

  /**
   * From outside, every completion is a form submission, with or without fields: the guard then
   * also checks who completes (an office cannot sign a unit's receipt by completing it bare).
   */
  @Override
  public void complete(String taskId, Map<String, Object> variables) {
    if (fromOutside()) {
      commandExecutor.execute(new SubmitTaskFormCmd(taskId, orEmpty(variables), false, false));
    } else {
      super.complete(taskId, variables);
    }
  }

  @Override
  public VariableMap completeWithVariablesInReturn(
      String taskId, Map<String, Object> variables, boolean deserializeValues) {
    if (fromOutside()) {
      return commandExecutor.execute(
          new SubmitTaskFormCmd(taskId, orEmpty(variables), true, deserializeValues));
    }
    return super.completeWithVariablesInReturn(taskId, variables, deserializeValues);
  }

  @Override
  public void resolveTask(String taskId, Map<String, Object> variables) {
    if (fromOutside() && variables != null && !variables.isEmpty()) {
      throw refused("委派任务的办结不能附带流程变量,请通过任务表单提交");
    }
    super.resolveTask(taskId, variables);
  }

  @Override
  protected void setVariables(
      String taskId, Map<String, ? extends Object> variables, boolean local) {
    refuseFromOutside();
    super.setVariables(taskId, variables, local);
  }

  @Override
  protected void updateVariables(
      String taskId,
      Map<String, ? extends Object> modifications,
      Collection<String> deletions,
      boolean local) {
    refuseFromOutside();
    super.updateVariables(taskId, modifications, deletions, local);
  }

  @Override
  public void removeVariable(String taskId, String variableName) {
    refuseFromOutside();
    super.removeVariable(taskId, variableName);
  }

  @Override
  public void removeVariableLocal(String taskId, String variableName) {
    refuseFromOutside();
    super.removeVariableLocal(taskId, variableName);
  }

  @Override
  public void removeVariables(String taskId, Collection<String> variableNames) {
    refuseFromOutside();
    super.removeVariables(taskId, variableNames);
  }

  @Override
  public void removeVariablesLocal(String taskId, Collection<String> variableNames) {
    refuseFromOutside();
    super.removeVariablesLocal(taskId, variableNames);
  }

  @Override
  public void handleBpmnError(String taskId, String errorCode) {
    refuseEvents();
    super.handleBpmnError(taskId, errorCode);
  }

  @Override
  public void handleBpmnError(String taskId, String errorCode, String errorMessage) {
    refuseEvents();
    super.handleBpmnError(taskId, errorCode, errorMessage);
  }

  @Override
  public void handleBpmnError(
      String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
    refuseEvents();
    super.handleBpmnError(taskId, errorCode, errorMessage, variables);
  }

  @Override
  public void handleEscalation(String taskId, String escalationCode) {
    refuseEvents();
    super.handleEscalation(taskId, escalationCode);
  }

  @Override
  public void handleEscalation(
      String taskId, String escalationCode, Map<String, Object> variables) {
    refuseEvents();
    super.handleEscalation(taskId, escalationCode, variables);
  }

  private static Map<String, Object> orEmpty(Map<String, Object> variables) {
    return variables == null ? Map.of() : variables;
  }

  private static boolean fromOutside() {
    return Context.getCommandContext() == null;
  }

  private static void refuseFromOutside() {
    if (fromOutside()) {
      throw refused("任务变量只能通过提交本任务的表单写入,不能单独写入或删除");
    }
  }

  private static void refuseEvents() {
    if (fromOutside()) {
      throw refused("督办流程的人工任务不接受 BPMN 错误或升级事件,请通过任务表单办理");
    }
  }

  private static TaskInputRejectedException refused(String message) {
    return new TaskInputRejectedException("操作未被接受:" + message);
  }
}
