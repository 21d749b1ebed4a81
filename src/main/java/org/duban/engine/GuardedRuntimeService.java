package org.duban.engine;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.RuntimeServiceImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.runtime.RestartProcessInstanceBuilder;

/**
 * The engine's runtime service with the one way in a round has: from its start event, with its
 * opening rules. A caller from outside the engine cannot skip the listeners that check a start
 * (skipCustomListeners, skipIoMappings), start a round somewhere inside it (start instructions), or
 * restart a finished one at an activity of its choice. Code inside an engine command is the system.
 */
public class GuardedRuntimeService extends RuntimeServiceImpl {

  @Override
  public ProcessInstantiationBuilder createProcessInstanceById(String processDefinitionId) {
    return new GuardedInstantiation(commandExecutor, processDefinitionId, null);
  }

  @Override
  public ProcessInstantiationBuilder createProcessInstanceByKey(String processDefinitionKey) {
    return new GuardedInstantiation(commandExecutor, null, processDefinitionKey);
  }

  @Override
  public RestartProcessInstanceBuilder restartProcessInstances(String processDefinitionId) {
    if (fromOutside()) {
      throw refused("已结束的轮次不能重新启动;如需再办,请督办单位启动新的轮次");
    }
    return super.restartProcessInstances(processDefinitionId);
  }

  static boolean fromOutside() {
    return Context.getCommandContext() == null;
  }

  static BadUserRequestException refused(String message) {
    return new StartRefusedException("启动未被接受:" + message);
  }

  /** A start refused by Duban's rules; REST answers 400 with the message. */
  public static class StartRefusedException extends BadUserRequestException {
    StartRefusedException(String message) {
      super(message);
    }
  }

  private static final class GuardedInstantiation extends ProcessInstantiationBuilderImpl {

    GuardedInstantiation(
        CommandExecutor commandExecutor, String processDefinitionId, String processDefinitionKey) {
      super(commandExecutor);
      this.processDefinitionId = processDefinitionId;
      this.processDefinitionKey = processDefinitionKey;
    }

    @Override
    public ProcessInstance execute(boolean skipCustomListeners, boolean skipIoMappings) {
      check(skipCustomListeners, skipIoMappings);
      return super.execute(skipCustomListeners, skipIoMappings);
    }

    @Override
    public ProcessInstanceWithVariables executeWithVariablesInReturn(
        boolean skipCustomListeners, boolean skipIoMappings) {
      check(skipCustomListeners, skipIoMappings);
      return super.executeWithVariablesInReturn(skipCustomListeners, skipIoMappings);
    }

    private void check(boolean skipCustomListeners, boolean skipIoMappings) {
      if (!fromOutside()) {
        return;
      }
      if (skipCustomListeners || skipIoMappings) {
        throw refused("不能跳过流程的启动规则(skipCustomListeners / skipIoMappings)");
      }
      if (!getModificationBuilder().getModificationOperations().isEmpty()) {
        throw refused("轮次只能从开始事件启动,不能指定起始环节(startInstructions)");
      }
    }
  }
}
