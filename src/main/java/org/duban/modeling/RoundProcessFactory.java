package org.duban.modeling;

import static org.duban.names.RoundElements.*;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.camunda.bpm.model.bpmn.builder.SubProcessBuilder;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.duban.catalog.EscalationRules;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.Reporting;
import org.duban.catalog.ResponsibilityPolicy;
import org.duban.catalog.TaskEntry;
import org.duban.forms.CheckedTaskFormHandler;
import org.duban.names.ModelProperties;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundElements.Rung;
import org.duban.names.RoundVariables;
import org.duban.schedule.RoundRules;

/**
 * Turns one catalog task into its yearly-round process: (assignment) → co-unit reports in parallel
 * → the lead's consolidated report (again after each return) → the supervisor's review, with the
 * escalation ladder on every unit task. The catalog's escalation durations are written into the
 * timer expressions, so a changed rule becomes a new process version rather than silently changing
 * rounds already running.
 */
public final class RoundProcessFactory {

  /** One report form for co-units and the lead: the lead's view adds the co-unit reports. */
  public static final String REPORT_FORM = "forms/unit-report.html";

  public static final String REVIEW_FORM = "forms/supervisor-review.html";
  public static final String ASSIGN_FORM = "forms/assign-units.html";

  /** Tasklist's 发起流程 shows it instead of its generic variable dialog: the plan's years. */
  public static final String START_FORM = "forms/round-start.html";

  private static final double STAGE_W = 600;
  private static final double STAGE_H = 410;
  private static final double STAGE_Y = 80;
  private static final double MAIN_Y = STAGE_Y + STAGE_H / 2;

  private final ZoneId zone;
  private final int historyTimeToLiveDays;

  public RoundProcessFactory(ZoneId zone, int historyTimeToLiveDays) {
    this.zone = zone;
    this.historyTimeToLiveDays = historyTimeToLiveDays;
  }

  public BpmnModelInstance create(PlanCatalog plan, TaskEntry task) {
    boolean assigned = plan.plan().responsibility() == ResponsibilityPolicy.ASSIGNED_PER_ROUND;
    DiagramLayout layout = new DiagramLayout();
    double x0 = assigned ? 290 : 150;

    ProcessBuilder process =
        Bpmn.createExecutableProcess(ProcessKeys.round(plan.id(), task.number()))
            .name(ProcessKeys.roundName(plan, task))
            .camundaHistoryTimeToLive(historyTimeToLiveDays)
            .camundaVersionTag(plan.id());

    // While the plan still has years to come, a timer opens each year's round. The timer start
    // event is also the process's initial event: a supervisor's manual start (also over REST, with
    // at most a "year") begins here too; Camunda allows no second none start event beside it.
    // Once the last round has opened, a timer would have no next date (the engine refuses such a
    // deployment), so the process keeps only the manual start.
    // A task with a dated deadline has one round, opened by a timer on its opening day.
    RoundRules rules = RoundRules.of(plan.calendar(), task);
    var start =
        process.startEvent(START_YEARLY).camundaFormKey("embedded:deployment:" + START_FORM);
    AbstractFlowNodeBuilder<?, ?> flow;
    if (rules.oneOff()) {
      LocalDate opens = rules.oneOffOpening();
      // kept until the deadline: deployed again after its opening day (a changed catalog, a
      // server down on the day), the timer is due at once and opens the round unless it is
      // already open (TimerStartOnce)
      flow =
          YearlyTimer.isAhead(rules.deadline(), zone)
              ? start
                  .name(
                      opens.getYear()
                          + "年"
                          + opens.getMonthValue()
                          + "月"
                          + opens.getDayOfMonth()
                          + "日开启轮次,完成时限 "
                          + rules.deadline()
                          + "(或督办人员手动启动)")
                  .timerWithDate(YearlyTimer.iso(opens, zone))
              : start.name("督办人员启动轮次(完成时限 " + rules.deadline() + ")");
    } else {
      YearlyTimer timer = YearlyTimer.periods(plan.plan().period(), rules, zone);
      flow =
          timer.hasOccurrenceAhead()
              ? start.name(periodicStartName(rules)).timerWithCycle(timer.cycle())
              : start.name(
                  "督办人员启动轮次(规划期内各" + (rules.reporting() == Reporting.YEARLY ? "年度" : "期") + "已开启)");
    }
    layout.event(START_YEARLY, 60, MAIN_Y);

    if (assigned) {
      flow =
          flow.sequenceFlowId("flow_toAssignUnits")
              .userTask(ASSIGN_UNITS)
              .name("确定本轮责任单位")
              .camundaCandidateGroups(plan.plan().coordinatingOffice().id())
              .camundaFormKey("embedded:deployment:" + ASSIGN_FORM)
              .camundaFormHandlerClass(CheckedTaskFormHandler.class)
              .camundaTaskListenerDelegateExpression("complete", "${unitAssignmentCheck}");
      layout.task(ASSIGN_UNITS, 150, MAIN_Y);
    }

    SubProcessBuilder coStage =
        flow.sequenceFlowId("flow_toCoUnitReports")
            .subProcess(CO_UNIT_STAGE)
            .name("配合单位分别报送")
            .camundaExecutionListenerDelegateExpression("start", "${reportStage}")
            .multiInstance()
            .parallel()
            .camundaCollection("${roundUnits.coUnits(execution)}")
            .camundaElementVariable(RoundVariables.UNIT)
            .multiInstanceDone();
    layout.place(CO_UNIT_STAGE, x0, STAGE_Y, STAGE_W, STAGE_H);
    reportStage(coStage, CO_UNIT, "配合单位报送年度进展", REPORT_FORM, plan.escalation(), layout, x0);

    SubProcessBuilder leadStage =
        coStage
            .sequenceFlowId("flow_toPublishCoUnitReports")
            .serviceTask(PUBLISH_CO_UNIT_REPORTS)
            .name("汇集配合单位报送")
            .camundaAsyncBefore()
            .camundaDelegateExpression("${reportPublisher}")
            // the co-units' reports and every return from the review reach the lead through one
            // merging gateway, not as two flows into the stage (bpmnlint: fake-join)
            .sequenceFlowId("flow_toLeadReport")
            .exclusiveGateway(GATEWAY_LEAD_REPORT)
            .sequenceFlowId("flow_toLeadStage")
            .subProcess(LEAD_STAGE)
            .name("牵头单位汇总报送")
            .camundaExecutionListenerDelegateExpression("start", "${reportStage}");
    layout.task(PUBLISH_CO_UNIT_REPORTS, x0 + STAGE_W + 40, MAIN_Y);
    double mergeX = x0 + STAGE_W + 180;
    layout.gateway(GATEWAY_LEAD_REPORT, mergeX, MAIN_Y);
    double leadX = mergeX + DiagramLayout.GATEWAY + 40;
    layout.place(LEAD_STAGE, leadX, STAGE_Y, STAGE_W, STAGE_H);
    reportStage(leadStage, LEAD, "牵头单位汇总报送年度进展", REPORT_FORM, plan.escalation(), layout, leadX);

    layout.task(PUBLISH_LEAD_REPORT, leadX + STAGE_W + 40, MAIN_Y);
    double reviewX = leadX + STAGE_W + 180;
    double decisionX = reviewX + 160;
    double outcomeX = decisionX + 100;
    leadStage
        .sequenceFlowId("flow_toPublishLeadReport")
        .serviceTask(PUBLISH_LEAD_REPORT)
        .name("提交督办审核")
        .camundaAsyncBefore()
        .camundaDelegateExpression("${reportPublisher}")
        .sequenceFlowId("flow_toReview")
        .userTask(REVIEW)
        .name("督办审核")
        .camundaCandidateGroups("${" + RoundVariables.SUPERVISOR_GROUP + "}")
        .camundaDueDate("${officeDeadlines.review(execution)}")
        .camundaFormKey("embedded:deployment:" + REVIEW_FORM)
        .camundaFormHandlerClass(CheckedTaskFormHandler.class)
        .camundaTaskListenerDelegateExpression("create", "${reviewTaskLabels}")
        .camundaTaskListenerDelegateExpression("complete", "${reviewDecisionCheck}")
        .sequenceFlowId("flow_toDecision")
        .exclusiveGateway(GATEWAY_DECISION)
        .name("审核结论")
        .sequenceFlowId("flow_accept")
        .condition("办结", "${reviewDecision == 'ACCEPT'}")
        .serviceTask(COMPLETE)
        .name("登记办结")
        .camundaDelegateExpression("${roundOutcome}")
        .sequenceFlowId("flow_toCompleted")
        .endEvent(END_COMPLETED)
        .name("本年度办结")
        .moveToNode(GATEWAY_DECISION)
        .sequenceFlowId("flow_closeOut")
        .condition("销号(规划末年)", "${reviewDecision == 'CLOSE_OUT'}")
        .serviceTask(CLOSE_OUT)
        .name("登记销号")
        .camundaDelegateExpression("${roundOutcome}")
        .sequenceFlowId("flow_toClosedOut")
        .endEvent(END_CLOSED_OUT)
        .name("任务销号")
        .moveToNode(GATEWAY_DECISION)
        .sequenceFlowId("flow_return")
        .condition("退回", "${reviewDecision == 'RETURN'}")
        .connectTo(GATEWAY_LEAD_REPORT);
    layout.task(REVIEW, reviewX, MAIN_Y);
    layout.gateway(GATEWAY_DECISION, decisionX, MAIN_Y);
    layout.task(COMPLETE, outcomeX, MAIN_Y);
    layout.event(END_COMPLETED, outcomeX + 150, MAIN_Y);
    double closeY = MAIN_Y + 135;
    layout.task(CLOSE_OUT, outcomeX, closeY);
    layout.event(END_CLOSED_OUT, outcomeX + 150, closeY);
    double gwCx = decisionX + DiagramLayout.GATEWAY / 2;
    // the gateway's name above its incoming flow, each outcome's name beside its own leg: by
    // default the closing-out leg would run down through both "审核结论" and "销号(规划末年)"
    layout.label(GATEWAY_DECISION, decisionX - 56, MAIN_Y - 22, 52, 14);
    layout.label("flow_return", gwCx + 6, MAIN_Y - 62, 28, 14);
    layout.label("flow_closeOut", gwCx + 6, MAIN_Y + 48, 90, 14);
    layout.route("flow_closeOut", gwCx, MAIN_Y + 25, gwCx, closeY, outcomeX, closeY);
    double mergeCx = mergeX + DiagramLayout.GATEWAY / 2;
    layout.route(
        "flow_return",
        gwCx,
        MAIN_Y - 25,
        gwCx,
        STAGE_Y - 40,
        mergeCx,
        STAGE_Y - 40,
        mergeCx,
        MAIN_Y - 25);

    BpmnModelInstance model = process.done();
    for (String stage : new String[] {CO_UNIT, LEAD}) {
      // the report ends the unit's stage, and with it the ladder's armed timer
      EndEvent reported = model.getModelElementById(stageEnd(stage));
      reported.getEventDefinitions().add(model.newInstance(TerminateEventDefinition.class));
    }
    // the builder names a gateway by its id; the merging one stays unlabelled
    model.getModelElementById(GATEWAY_LEAD_REPORT).removeAttribute("name");
    Process p = model.getModelElementById(ProcessKeys.round(plan.id(), task.number()));
    addListener(model, p, ExecutionListener.EVENTNAME_START, "${roundOpening}");
    // counted as the flow is taken: the review's rules run twice (at submit and at completion)
    addListener(
        model,
        model.getModelElementById("flow_return"),
        ExecutionListener.EVENTNAME_TAKE,
        "${returnCounter}");
    addDocumentation(model, p, task);
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(ModelProperties.PLAN_ID, plan.id());
    properties.put(ModelProperties.TASK_NUMBER, task.number());
    properties.putAll(rules.toModel());
    properties.put(
        ModelProperties.EXTENSIONS_ALLOWED, String.valueOf(plan.escalation().extensionsAllowed()));
    ModelProperties.write(model, p, properties);
    layout.apply(model);
    DeterministicIds.apply(model, p.getId());
    Bpmn.validateModel(model);
    return model;
  }

  /** One unit's report: the task, its escalation ladder, and the hand-over of the report. */
  private void reportStage(
      SubProcessBuilder stage,
      String prefix,
      String taskName,
      String form,
      EscalationRules rules,
      DiagramLayout layout,
      double sx) {
    String task = reportTask(prefix);
    UserTaskBuilder userTask =
        stage
            .embeddedSubProcess()
            .startEvent(stageStart(prefix))
            .name("开始报送")
            .sequenceFlowId("flow_" + prefix + "ToReport")
            .userTask(task)
            .name(taskName)
            .camundaCandidateGroups("${" + RoundVariables.UNIT + "}")
            .camundaDueDate("${" + RoundVariables.UNIT_DUE + "}")
            .camundaFollowUpDate(deadline(rules.reminderBefore().negated()))
            .camundaFormKey("embedded:deployment:" + form)
            .camundaFormHandlerClass(CheckedTaskFormHandler.class)
            .camundaTaskListenerDelegateExpression("create", "${reportTaskLabels}")
            .camundaTaskListenerDelegateExpression("complete", "${reportSubmissionCheck}")
            // parallel co-unit submissions must not collide at the join: continue in a retried job
            .camundaAsyncAfter();
    userTask
        .sequenceFlowId("flow_" + prefix + "ToCollect")
        .serviceTask(collectReport(prefix))
        .name("登记报送材料")
        .camundaDelegateExpression("${reportCollector}")
        .sequenceFlowId("flow_" + prefix + "ToReported")
        .endEvent(stageEnd(prefix))
        .name("已报送");

    double sy = STAGE_Y;
    double rowY = sy + 120;
    layout.event(stageStart(prefix), sx + 30, rowY);
    layout.place(task, sx + 100, rowY - 40, 260, 80);
    layout.task(collectReport(prefix), sx + 390, rowY);
    layout.event(stageEnd(prefix), sx + 540, rowY);

    // The ladder is one chain, one timer armed at a time: the reminder on the task's edge, each
    // later rung waiting for its date after the one before it. A unit that reports ends its
    // stage at the terminate end, which removes whichever timer is armed; a unit that never
    // reports has its rungs fire in ladder order, each date read when it is armed (so an approved
    // extension needs to move only the armed one).
    Period overdue = rules.overdueAfter();
    Period criticism = overdue.plus(rules.criticismAfter());
    Period second = criticism.plus(rules.secondCriticismAfter());
    Period[] offsets = {rules.reminderBefore().negated(), overdue, criticism, second};
    Rung[] rungs = Rung.values();
    AbstractFlowNodeBuilder<?, ?> chain = userTask;
    double chainY = sy + 270;
    for (int i = 0; i < rungs.length; i++) {
      Rung rung = rungs[i];
      String timer = timer(prefix, rung);
      String action = escalate(prefix, rung);
      if (i == 0) {
        chain =
            userTask
                .boundaryEvent(timer)
                .name(rung.timerName)
                .cancelActivity(false)
                .timerWithDate(deadline(offsets[i]))
                .sequenceFlowId("flow_" + prefix + "_" + rung.id);
        double bx = sx + 137;
        layout.place(timer, bx, rowY + 40 - 18, 36, 36);
        layout.label(timer, bx + 22, rowY + 60, 12 * rung.timerName.length(), 14);
      } else {
        chain =
            chain
                .sequenceFlowId("flow_" + prefix + "_" + rungs[i - 1].id + "Done")
                .intermediateCatchEvent(timer)
                .name(rung.timerName)
                .timerWithDate(deadline(offsets[i]))
                .sequenceFlowId("flow_" + prefix + "_" + rung.id);
        double ex = sx + 12 + (i - 1) * 158 + 106;
        layout.event(timer, ex, chainY);
        // below the row, clear of the steps on either side
        double w = 12 * rung.timerName.length();
        layout.label(timer, ex + 18 - w / 2, chainY + 46, w, 14);
      }
      chain =
          chain
              .serviceTask(action)
              .name(rung.actionName)
              .camundaDelegateExpression("${escalationStep}")
              .camundaInputParameter("rung", rung.name());
      layout.place(action, sx + 12 + i * 158, chainY - 40, 90, 80);
    }
    Rung last = rungs[rungs.length - 1];
    chain
        .sequenceFlowId("flow_" + prefix + "_" + last.id + "Done")
        .endEvent(escalationEnd(prefix, last))
        .name("已记录");
    layout.event(escalationEnd(prefix, last), sx + 12 + (rungs.length - 1) * 158 + 27, sy + 360);
    userTask.subProcessDone();
  }

  /** A timer date: the unit's due day (00:00 in the plan's zone) shifted by a catalog duration. */
  private static String deadline(Period offset) {
    return "${deadlines.at(" + RoundVariables.UNIT_DUE + ", '" + offset + "')}";
  }

  private static String periodicStartName(RoundRules rules) {
    var day = rules.roundStarts();
    String when = day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    if (rules.reporting() == Reporting.YEARLY) {
      return "每年" + when + "开启年度轮次(或督办人员手动启动)";
    }
    return rules.reporting().label + "开启一期轮次,每年首期 " + when + "(或督办人员手动启动)";
  }

  private static void addListener(
      BpmnModelInstance model, BaseElement element, String event, String delegate) {
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      extensions = model.newInstance(ExtensionElements.class);
      element.setExtensionElements(extensions);
    }
    CamundaExecutionListener listener = model.newInstance(CamundaExecutionListener.class);
    listener.setCamundaEvent(event);
    listener.setCamundaDelegateExpression(delegate);
    extensions.addChildElement(listener);
  }

  /** The task's text, and the deadline the plan sets for it (完成时限), where it sets one. */
  private static void addDocumentation(BpmnModelInstance model, Process process, TaskEntry task) {
    String text = task.text() == null || task.text().isBlank() ? "" : task.text();
    if (task.deadline() != null && !task.deadline().isBlank()) {
      text = (text.isEmpty() ? "" : text + "\n\n") + "完成时限:" + task.deadline();
    }
    if (text.isEmpty()) {
      return;
    }
    Documentation doc = model.newInstance(Documentation.class);
    doc.setTextContent(text);
    process.getDocumentations().add(doc);
  }
}
