package org.duban.modeling;

import static org.duban.names.ExtensionElements.*;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.duban.catalog.PlanCatalog;
import org.duban.forms.CheckedTaskFormHandler;
import org.duban.names.ExtensionStatus;
import org.duban.names.ExtensionVariables;
import org.duban.names.ModelProperties;
import org.duban.names.ProcessKeys;
import org.duban.schedule.RoundRules;

/**
 * The plan's extension process (延期申请): one instance per request a unit makes from its open report
 * task, decided by the coordinating office. An approval moves the unit's due date, follow-up date
 * and its whole escalation ladder; a refusal keeps them, with the reason. Only the system starts
 * it, after checking the request ({@code extensionStartGuard} refuses any other start).
 */
public final class ExtensionProcessFactory {

  public static final String DECISION_FORM = "forms/extension-decision.html";

  private final int historyTimeToLiveDays;

  public ExtensionProcessFactory(int historyTimeToLiveDays) {
    this.historyTimeToLiveDays = historyTimeToLiveDays;
  }

  public static String name(PlanCatalog plan) {
    return plan.plan().city() + " 延期申请";
  }

  public BpmnModelInstance create(PlanCatalog plan) {
    String key = ProcessKeys.extension(plan.id());
    String status = "${" + ExtensionVariables.STATUS + " == '";
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(key)
            .name(name(plan))
            .camundaHistoryTimeToLive(historyTimeToLiveDays)
            .camundaVersionTag(plan.id())
            .startEvent(START)
            .name("单位申请延期")
            .camundaExecutionListenerDelegateExpression("start", "${extensionStartGuard}")
            .sequenceFlowId("flow_toDecide")
            .userTask(DECIDE)
            .name("审批延期申请")
            .camundaCandidateGroups("${" + ExtensionVariables.SUPERVISOR_GROUP + "}")
            .camundaDueDate("${officeDeadlines.decision(execution)}")
            .camundaFormKey("embedded:deployment:" + DECISION_FORM)
            .camundaFormHandlerClass(CheckedTaskFormHandler.class)
            .camundaTaskListenerDelegateExpression("create", "${extensionTaskLabels}")
            .camundaTaskListenerDelegateExpression("complete", "${extensionDecisionCheck}")
            .sequenceFlowId("flow_toDecision")
            .exclusiveGateway(GATEWAY_DECISION)
            .name("审批结论")
            .sequenceFlowId("flow_approve")
            .condition("批准延期", status + ExtensionStatus.APPROVED.name() + "'}")
            .serviceTask(APPLY)
            .name("顺延报送期限")
            .camundaDelegateExpression("${extensionOutcome}")
            .sequenceFlowId("flow_toApproved")
            .endEvent(END_APPROVED)
            .name("已延期")
            .moveToNode(GATEWAY_DECISION)
            .sequenceFlowId("flow_refuse")
            .condition("不予延期", status + ExtensionStatus.REFUSED.name() + "'}")
            .serviceTask(RECORD_REFUSAL)
            .name("登记不予延期")
            .camundaDelegateExpression("${extensionOutcome}")
            .sequenceFlowId("flow_toRefused")
            .endEvent(END_REFUSED)
            .name("不予延期")
            .done();
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(ModelProperties.PLAN_ID, plan.id());
    // the office's decision time travels in the model, as the notice process's does
    properties.putAll(RoundRules.of(plan.calendar()).toModel());
    ModelProperties.write(model, model.getModelElementById(key), properties);
    DiagramLayout layout = new DiagramLayout();
    double y = 120;
    double low = 250;
    layout.event(START, 60, y);
    layout.task(DECIDE, 150, y);
    layout.gateway(GATEWAY_DECISION, 300, y);
    layout.task(APPLY, 400, y);
    layout.event(END_APPROVED, 550, y);
    layout.task(RECORD_REFUSAL, 400, low);
    layout.event(END_REFUSED, 550, low);
    double gwCx = 300 + DiagramLayout.GATEWAY / 2;
    layout.route("flow_refuse", gwCx, y + 25, gwCx, low, 400, low);
    layout.label(GATEWAY_DECISION, 290, y - 45, 52, 14);
    layout.label("flow_approve", 355, y - 22, 52, 14);
    layout.label("flow_refuse", gwCx + 6, y + 60, 52, 14);
    layout.apply(model);
    DeterministicIds.apply(model, key);
    Bpmn.validateModel(model);
    return model;
  }
}
