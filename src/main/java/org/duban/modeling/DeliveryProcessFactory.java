package org.duban.modeling;

import static org.duban.names.DeliveryVariables.*;

import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.duban.catalog.PlanCatalog;
import org.duban.names.ModelProperties;
import org.duban.names.ProcessKeys;

/**
 * The plan's delivery process: one instance per message, recipient and channel, started in the
 * transaction of the event that causes it (a rolled-back event queues nothing). The send itself is
 * an asynchronous job: the job executor's locking sends it once, a failure is retried on the
 * configured cycle and, after the last attempt, becomes an incident in Cockpit.
 */
public final class DeliveryProcessFactory {

  private final int historyTimeToLiveDays;
  private final String retryCycle;

  public DeliveryProcessFactory(int historyTimeToLiveDays, String retryCycle) {
    this.historyTimeToLiveDays = historyTimeToLiveDays;
    this.retryCycle = retryCycle;
  }

  public static String name(PlanCatalog plan) {
    return plan.plan().city() + " 消息送达";
  }

  public BpmnModelInstance create(PlanCatalog plan) {
    String key = ProcessKeys.delivery(plan.id());
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(key)
            .name(name(plan))
            .camundaHistoryTimeToLive(historyTimeToLiveDays)
            .camundaVersionTag(plan.id())
            .startEvent(START)
            .name("消息入队")
            .sequenceFlowId("flow_toDeliver")
            .serviceTask(DELIVER)
            .name("送达")
            .camundaAsyncBefore()
            .camundaFailedJobRetryTimeCycle(retryCycle)
            .camundaDelegateExpression("${messageDelivery}")
            .sequenceFlowId("flow_toDelivered")
            .endEvent(END)
            .name("已送达")
            .done();
    ModelProperties.write(
        model, model.getModelElementById(key), Map.of(ModelProperties.PLAN_ID, plan.id()));
    DiagramLayout layout = new DiagramLayout();
    layout.event(START, 60, 120);
    layout.task(DELIVER, 150, 120);
    layout.event(END, 300, 120);
    layout.apply(model);
    DeterministicIds.apply(model, key);
    Bpmn.validateModel(model);
    return model;
  }
}
