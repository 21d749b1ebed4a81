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
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Takes a task's form submission. What a user submits is checked against the task's declared form
 * ({@link TaskInputGuard}) and stored local to the task, never in the round: the task's complete
 * listeners read it there and write what the round keeps (a field they file is held for this
 * command only, {@link FormField#filed}). The listeners also run right here, at submission: the
 * engine wraps any exception of a task listener into a generic 500, while a validation failure
 * raised here answers 400 with the rule's own message, which Tasklist shows above the still-filled
 * form. Every path of completing a task with variables ends here ({@link GuardedTaskService} turns
 * a plain complete into a form submission).
 */
public class CheckedTaskFormHandler extends DefaultTaskFormHandler {

  @Override
  public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
    TaskEntity task = (TaskEntity) variableScope;
    TaskInputGuard guard = guard();
    guard.check(task, properties);
    task.setVariablesLocal(heldForFiling(guard.fieldsOf(task), properties));
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

  /**
   * The submission as the task keeps it: a filed field (checked as text above) as a transient
   * variable, which the task's rules read in this command and which the engine neither stores nor
   * writes to history; every other field as submitted.
   */
  static VariableMap heldForFiling(List<FormField> fields, VariableMap properties) {
    VariableMap held = Variables.createVariables();
    for (String name : properties.keySet()) {
      boolean filed = fields.stream().anyMatch(f -> f.filed() && f.name().equals(name));
      TypedValue value = properties.getValueTyped(name);
      held.putValueTyped(
          name, filed ? Variables.stringValue((String) value.getValue(), true) : value);
    }
    return held;
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
