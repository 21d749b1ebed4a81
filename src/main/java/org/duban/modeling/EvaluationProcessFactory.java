package org.duban.modeling;

import static org.duban.names.EvaluationElements.*;

import java.time.ZoneId;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.camunda.bpm.model.bpmn.builder.StartEventBuilder;
import org.duban.catalog.PlanCatalog;
import org.duban.forms.CheckedTaskFormHandler;
import org.duban.names.EvaluationKind;
import org.duban.names.ModelProperties;

/**
 * A plan's evaluation process for its coordinating office: compile the year's (or the mid-term
 * span's) rounds from history, then the office reviews the table and records its conclusion.
 */
public final class EvaluationProcessFactory {

  private final ZoneId zone;
  private final int historyTimeToLiveDays;

  public EvaluationProcessFactory(ZoneId zone, int historyTimeToLiveDays) {
    this.zone = zone;
    this.historyTimeToLiveDays = historyTimeToLiveDays;
  }

  public BpmnModelInstance create(PlanCatalog plan, EvaluationKind kind) {
    String key = kind.processKey(plan.id());
    ProcessBuilder process =
        Bpmn.createExecutableProcess(key)
            .name(plan.plan().city() + " " + kind.label)
            .camundaHistoryTimeToLive(historyTimeToLiveDays)
            .camundaVersionTag(plan.id());
    YearlyTimer timer =
        kind == EvaluationKind.ANNUAL
            ? YearlyTimer.yearly(plan.plan().period(), plan.calendar().evaluationStarts(), zone)
            : YearlyTimer.every(
                plan.calendar().midTermEvery(),
                plan.plan().period(),
                plan.calendar().evaluationStarts(),
                zone);
    StartEventBuilder start = process.startEvent(START);
    var day = plan.calendar().evaluationStarts();
    if (timer.hasOccurrenceAhead()) {
      String every =
          kind == EvaluationKind.ANNUAL ? "每年" : "每" + plan.calendar().midTermEvery() + "年";
      start
          .name(every + day.getMonthValue() + "月" + day.getDayOfMonth() + "日开始" + kind.label)
          .timerWithCycle(timer.cycle());
    } else {
      start.name("督办人员启动" + kind.label);
    }
    start
        .camundaExecutionListenerDelegateExpression("start", "${evaluationOpening}")
        .sequenceFlowId("flow_toCompile")
        .serviceTask(COMPILE)
        .name("汇总各任务轮次与督办记录")
        .camundaDelegateExpression("${evaluationSummary}")
        .sequenceFlowId("flow_toReview")
        .userTask(REVIEW)
        .name(kind.label + "审定")
        .camundaCandidateGroups(plan.plan().coordinatingOffice().id())
        .camundaFormKey("embedded:deployment:" + FORM)
        .camundaFormHandlerClass(CheckedTaskFormHandler.class)
        .camundaTaskListenerDelegateExpression("complete", "${evaluationConclusionCheck}")
        .sequenceFlowId("flow_toEnd")
        .endEvent(END)
        .name(kind.label + "完成");
    BpmnModelInstance model = process.done();
    // in a fixed order: the same catalog must give the same bytes, or a restart deploys anew
    java.util.Map<String, String> properties = new java.util.LinkedHashMap<>();
    properties.put(ModelProperties.PLAN_ID, plan.id());
    properties.put(ModelProperties.EVALUATION_KIND, kind.name());
    ModelProperties.write(model, model.getModelElementById(key), properties);
    DiagramLayout layout = new DiagramLayout();
    layout.event(START, 60, 120);
    layout.task(COMPILE, 150, 120);
    layout.task(REVIEW, 300, 120);
    layout.event(END, 450, 120);
    layout.apply(model);
    DeterministicIds.apply(model, key);
    Bpmn.validateModel(model);
    return model;
  }
}
