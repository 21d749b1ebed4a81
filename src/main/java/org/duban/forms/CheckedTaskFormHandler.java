package org.duban.forms;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.handler.DefaultTaskFormHandler;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Takes a task's form submission. What a user submits is checked against the task's declared form
 * ({@link TaskInputGuard}) and stored local to the task, never in the round: the task's complete
 * listeners read it there and write what the round keeps. The listeners also run right here, at
 * submission: the engine wraps any exception of a task listener into a generic 500, while a
 * validation failure raised here answers 400 with the rule's own message, which Tasklist shows
 * above the still-filled form. Every path of completing a task with variables ends here ({@link
 * GuardedTaskService} turns a plain complete into a form submission).
 */
public class CheckedTaskFormHandler extends DefaultTaskFormHandler {

  @Override
  public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
    TaskEntity task = (TaskEntity) variableScope;
    guard().check(task, properties);
    task.setVariablesLocal(properties);
    fireFormPropertyHistoryEvents(properties, task);
    for (TaskListener rule :
        task.getTaskDefinition()
            .getTaskListeners()
            .getOrDefault(TaskListener.EVENTNAME_COMPLETE, List.of())) {
      try {
        rule.notify(task);
      } catch (ProcessEngineException e) {
        BadUserRequestException violation = violation(e);
        if (violation == null) {
          throw e;
        }
        throw new FormFieldValidationException(
            task.getTaskDefinitionKey(), violation.getMessage(), violation);
      }
    }
  }

  private static TaskInputGuard guard() {
    return ((GuardedTaskService) Context.getProcessEngineConfiguration().getTaskService()).guard();
  }

  /** A rule's rejection arrives wrapped by the engine's listener invocation. */
  private static BadUserRequestException violation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BadUserRequestException rejection) {
        return rejection;
      }
    }
    return null;
  }
}
