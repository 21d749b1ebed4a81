package org.duban.engine;

import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.jobexecutor.AsyncContinuationJobHandler;
import org.springframework.stereotype.Component;

/**
 * The engine's history, less the rows that record only its own bookkeeping, which a round writes by
 * the hundred and no auditor reads: the multi-instance counters of the report stages ({@code
 * loopCounter}, {@code nrOf…Instances}, every event of such a variable, so none is half kept), the
 * creation and deletion of timer jobs (a round arms four escalation timers per unit and removes
 * those not reached when the unit reports), and the creation of asynchronous continuations. A timer
 * that fires or fails is kept, and so is every continuation's success or failure: the delivery
 * attempts are read from them. Every fact the audit view shows (steps, reports, evidence,
 * decisions, notices, deliveries) is written as before.
 */
@Component
public class TechnicalHistoryFilter extends AbstractProcessEnginePlugin {

  static final Set<String> BOOKKEEPING =
      Set.of("loopCounter", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.getCustomHistoryEventHandlers().add(new Handler());
  }

  /** The engine's own database handler, with the technical events left out. */
  static final class Handler extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!technical(event)) {
        super.handleEvent(event);
      }
    }
  }

  static boolean technical(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      return BOOKKEEPING.contains(variable.getVariableName());
    }
    if (event instanceof HistoricJobLogEvent job) {
      String type = job.getJobDefinitionType();
      if (type == null) {
        return false;
      }
      // an asynchronous continuation's creation says nothing its success or failure does not
      return (type.startsWith("timer") && (job.isCreationLog() || job.isDeletionLog()))
          || (type.equals(AsyncContinuationJobHandler.TYPE) && job.isCreationLog());
    }
    return false;
  }
}
