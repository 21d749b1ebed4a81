package org.duban.forms;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Puts {@link GuardedTaskService} into the engine before its services are built, so the REST API,
 * the webapps and Java callers all get it. A BPMN error nobody catches fails the call instead of
 * silently ending the execution that threw it.
 */
@Component
public class TaskInputPlugin extends AbstractProcessEnginePlugin {

  private final TaskInputGuard guard;

  public TaskInputPlugin(TaskInputGuard guard) {
    this.guard = guard;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTaskService(new GuardedTaskService(guard));
    configuration.setEnableExceptionsAfterUnhandledBpmnError(true);
  }
}
