package org.duban.round;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.TimerEventJobHandler.TimerJobConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.TimerStartEventJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.names.ModelProperties;
import org.duban.names.ProcessKeys;
import org.duban.schedule.Deadlines;
import org.duban.schedule.RoundRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A round's timer start that finds its round already open does nothing, instead of failing into an
 * incident nobody can act on: an office may open a round early by hand (next year's in December, a
 * one-off task's before its opening day), and a one-off task's timer fires again, past due, after a
 * redeployment. The engine's own timer-start handler is replaced under its type; anything that is
 * not a round (an evaluation) starts as before.
 */
@Component
public class TimerStartOnce extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(TimerStartOnce.class);

  private final PlanCatalogs catalogs;
  private final Deadlines deadlines;

  public TimerStartOnce(PlanCatalogs catalogs, Deadlines deadlines) {
    this.catalogs = catalogs;
    this.deadlines = deadlines;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<JobHandler> handlers =
        configuration.getCustomJobHandlers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomJobHandlers());
    handlers.add(new Handler());
    configuration.setCustomJobHandlers(handlers);
  }

  final class Handler extends TimerStartEventJobHandler {

    @Override
    public void execute(
        TimerJobConfiguration configuration,
        ExecutionEntity execution,
        CommandContext commandContext,
        String tenantId) {
      String key = configuration.getTimerElementKey();
      ProcessDefinitionEntity definition =
          commandContext
              .getProcessEngineConfiguration()
              .getDeploymentCache()
              .findDeployedLatestProcessDefinitionByKeyAndTenantId(key, tenantId);
      String businessKey = roundKey(definition, commandContext);
      if (businessKey != null
          && commandContext
                  .getProcessEngineConfiguration()
                  .getHistoryService()
                  .createHistoricProcessInstanceQuery()
                  .processDefinitionKey(key)
                  .processInstanceBusinessKey(businessKey)
                  .count()
              > 0) {
        log.info("Timer start of {}: round {} is already open, not opened again", key, businessKey);
        return;
      }
      super.execute(configuration, execution, commandContext, tenantId);
    }

    /** The business key of the round this timer opens, or null for a process that is none. */
    private String roundKey(ProcessDefinitionEntity definition, CommandContext commandContext) {
      JobEntity job = commandContext.getCurrentJob();
      if (definition == null || job == null || job.getDuedate() == null) {
        return null;
      }
      Map<String, String> model =
          ModelProperties.of(
              definition,
              commandContext
                  .getProcessEngineConfiguration()
                  .getDeploymentCache()
                  .findBpmnModelInstanceForProcessDefinition(definition.getId()));
      String planId = model.get(ModelProperties.PLAN_ID);
      String number = model.get(ModelProperties.TASK_NUMBER);
      PlanCatalog plan = planId == null ? null : catalogs.plan(planId).orElse(null);
      if (plan == null || number == null) {
        return null;
      }
      RoundOpening.Slot slot =
          RoundOpening.slotOfTimer(
              RoundRules.of(model, plan.calendar()), deadlines.day(job.getDuedate()));
      return ProcessKeys.businessKey(planId, number, slot.year(), slot.period());
    }
  }
}
