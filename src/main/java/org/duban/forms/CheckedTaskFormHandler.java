package org.duban.forms;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.handler.DefaultTaskFormHandler;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Runs a task's form rules (its own complete listeners) as soon as a form is submitted. The engine
 * wraps any exception thrown by a task listener into a generic 500 "exception while invoking the
 * TaskListener"; a form validation failure raised here instead answers 400 with the rule's own
 * message, which Tasklist shows above the still-filled form. The complete listeners run again on
 * completion, so the rules also hold for the plain complete API.
 */
public class CheckedTaskFormHandler extends DefaultTaskFormHandler {

  @Override
  public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
    super.submitFormVariables(properties, variableScope);
    TaskEntity task = (TaskEntity) variableScope;
    for (TaskListener rule : task.getTaskDefinition().getTaskListeners().getOrDefault(TaskListener.EVENTNAME_COMPLETE, java.util.List.of())) {
      try {
        rule.notify(task);
      } catch (ProcessEngineException e) {
        BadUserRequestException violation = violation(e);
        if (violation == null) {
          throw e;
        }
        throw new FormFieldValidationException(task.getTaskDefinitionKey(), violation.getMessage(), violation);
      }
    }
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
