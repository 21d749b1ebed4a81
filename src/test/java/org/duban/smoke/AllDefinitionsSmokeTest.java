package org.duban.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.names.RoundVariables.*;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.catalog.ResponsibilityPolicy;
import org.duban.catalog.Target;
import org.duban.catalog.TaskEntry;
import org.duban.catalog.Unit;
import org.duban.forms.CheckedTaskFormHandler;
import org.duban.forms.TaskForms;
import org.duban.modeling.DeliveryProcessFactory;
import org.duban.modeling.ExtensionProcessFactory;
import org.duban.modeling.PlanDeployment;
import org.duban.names.DeliveryVariables;
import org.duban.names.EvaluationElements;
import org.duban.names.EvaluationKind;
import org.duban.names.EvaluationVariables;
import org.duban.names.NoticeType;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundElements;
import org.duban.round.RoundFixture;
import org.duban.round.RoundUnits;
import org.duban.supervision.Notice;
import org.duban.supervision.Notices;
import org.duban.testsupport.ProcessCoverage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Smoke test of every process definition deployed at start-up (the latest version of every key the
 * repository holds): each parses, validates, carries a diagram with a shape for every flow node and
 * an edge for every sequence flow, and has a Chinese name; each task's round runs once to
 * completion (assignment where the plan assigns per round, every co-unit, the lead, the
 * supervisor's acceptance); each plan's evaluations and its notice process run once to their end.
 *
 * <p>One dynamic test per definition, named by its process key, grouped by plan. Runs on the
 * embedded H2 of the test profile; {@link PostgresAllDefinitionsSmokeTest} runs one plan on a real
 * PostgreSQL server. No sleeps: the engine clock is set, and the round's own jobs are executed by
 * hand.
 */
@SpringBootTest
@ActiveProfiles("test")
@ProcessCoverage
class AllDefinitionsSmokeTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** Where every deployed model is written for the lint step of {@code .ci/run}. */
  static final Path EXPORT_DIR = Path.of("target", "bpmn");

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired PlanCatalogs catalogs;
  @Autowired Notices notices;
  @Autowired TaskForms taskForms;
  @Autowired ObjectMapper json;

  /** Rounds this run started and finished, per plan: the evaluation's summary must count them. */
  private final Map<String, Integer> roundsStarted = new HashMap<>();

  private final Map<String, Integer> roundsFinished = new HashMap<>();

  /** What the running dynamic test is doing: a failure names its definition and step. */
  private String step;

  /** The plans this variant smokes; all of them here. */
  protected boolean covers(PlanCatalog plan) {
    return true;
  }

  @BeforeEach
  void emptyEngine() {
    clear();
  }

  @AfterEach
  void resetEngine() {
    clear();
  }

  @TestFactory
  Stream<DynamicNode> everyDeployedDefinition() {
    List<ProcessDefinition> latest =
        repository
            .createProcessDefinitionQuery()
            .latestVersion()
            .orderByProcessDefinitionKey()
            .asc()
            .list();
    assertThat(latest).as("definitions deployed at start-up").isNotEmpty();

    Map<String, ProcessDefinition> byKey =
        latest.stream()
            .collect(
                Collectors.toMap(
                    ProcessDefinition::getKey,
                    Function.identity(),
                    (a, b) -> a,
                    LinkedHashMap::new));
    List<DynamicNode> nodes = new ArrayList<>();
    Set<String> claimed = new TreeSet<>();
    for (PlanCatalog plan : catalogs.all()) {
      List<ProcessDefinition> ofPlan =
          latest.stream().filter(d -> d.getKey().startsWith(plan.id() + "_")).toList();
      ofPlan.forEach(d -> claimed.add(d.getKey()));
      if (covers(plan)) {
        nodes.add(DynamicContainer.dynamicContainer(plan.id(), planTests(plan, ofPlan, byKey)));
      }
    }
    // a definition no plan accounts for is deployed by nobody we know of: it fails under its own
    // key
    byKey.keySet().stream()
        .filter(key -> !claimed.contains(key))
        .forEach(
            key ->
                nodes.add(
                    smoke(
                        key,
                        () -> {
                          throw new AssertionError(
                              "definition " + key + " belongs to no plan catalog");
                        })));
    return nodes.stream();
  }

  /**
   * The plan's deployment as a whole, then its rounds in catalog order, its evaluations, its notice
   * process.
   */
  private Stream<DynamicNode> planTests(
      PlanCatalog plan, List<ProcessDefinition> ofPlan, Map<String, ProcessDefinition> byKey) {
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(smoke(plan.id() + " deployment", () -> deploymentOf(plan, ofPlan)));
    Set<String> planned = new LinkedHashSet<>();
    for (TaskEntry task : plan.tasks()) {
      String key = ProcessKeys.round(plan.id(), task.number());
      planned.add(key);
      tests.add(
          smoke(
              key,
              () -> {
                ProcessDefinition definition = deployed(byKey, key);
                checkModel(definition, ProcessKeys.roundName(plan, task));
                runRound(plan, task, definition);
              }));
    }
    for (EvaluationKind kind : EvaluationKind.of(plan)) {
      String key = kind.processKey(plan.id());
      planned.add(key);
      tests.add(
          smoke(
              key,
              () -> {
                ProcessDefinition definition = deployed(byKey, key);
                checkModel(definition, plan.plan().city() + " " + kind.label);
                runEvaluation(plan, kind, definition);
              }));
    }
    String noticeKey = ProcessKeys.notice(plan.id());
    planned.add(noticeKey);
    tests.add(
        smoke(
            noticeKey,
            () -> {
              ProcessDefinition definition = deployed(byKey, noticeKey);
              checkModel(definition, plan.plan().city() + " 督办通知");
              runNotices(plan, definition);
            }));
    String deliveryKey = ProcessKeys.delivery(plan.id());
    planned.add(deliveryKey);
    tests.add(
        smoke(
            deliveryKey,
            () -> {
              ProcessDefinition definition = deployed(byKey, deliveryKey);
              checkModel(definition, DeliveryProcessFactory.name(plan));
              runDelivery(plan, definition);
            }));
    String extensionKey = ProcessKeys.extension(plan.id());
    planned.add(extensionKey);
    tests.add(
        smoke(
            extensionKey,
            () -> {
              ProcessDefinition definition = deployed(byKey, extensionKey);
              checkModel(definition, ExtensionProcessFactory.name(plan));
              step = "refuse a start that is no unit's checked request";
              assertThatThrownBy(
                      () -> runtime.startProcessInstanceById(definition.getId(), Map.of()))
                  .hasMessageContaining("延期申请只能由责任单位在本单位的报送任务中提出");
            }));
    for (ProcessDefinition extra : ofPlan) {
      if (!planned.contains(extra.getKey())) {
        tests.add(
            smoke(
                extra.getKey(),
                () -> {
                  throw new AssertionError(
                      "definition "
                          + extra.getKey()
                          + " ("
                          + extra.getName()
                          + ") is deployed but is no task, evaluation or notice process of "
                          + plan.id());
                }));
      }
    }
    return tests.stream();
  }

  /**
   * A dynamic test named by the definition's key whose failure says which definition, and which
   * step, failed.
   */
  private DynamicTest smoke(String name, Executable body) {
    return DynamicTest.dynamicTest(
        name,
        () -> {
          step = "find the definition";
          try {
            body.execute();
          } catch (Throwable failure) {
            throw new AssertionError(name + " failed at step «" + step + "»: " + failure, failure);
          } finally {
            ClockUtil.reset();
          }
        });
  }

  private static ProcessDefinition deployed(Map<String, ProcessDefinition> byKey, String key) {
    ProcessDefinition definition = byKey.get(key);
    assertThat(definition).as("deployed definition %s", key).isNotNull();
    return definition;
  }

  // ---------------------------------------------------------------- the deployment

  /** One deployment per plan, named after it, holding exactly the plan's definitions. */
  private void deploymentOf(PlanCatalog plan, List<ProcessDefinition> ofPlan) {
    Set<String> expected = new TreeSet<>();
    plan.tasks().forEach(t -> expected.add(ProcessKeys.round(plan.id(), t.number())));
    EvaluationKind.of(plan).forEach(k -> expected.add(k.processKey(plan.id())));
    expected.add(ProcessKeys.notice(plan.id()));
    expected.add(ProcessKeys.delivery(plan.id()));
    expected.add(ProcessKeys.extension(plan.id()));
    Set<String> deployed =
        ofPlan.stream()
            .map(ProcessDefinition::getKey)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(deployed).as("definitions of %s", plan.id()).isEqualTo(expected);
    assertThat(ofPlan.stream().map(ProcessDefinition::getDeploymentId).distinct().toList())
        .as("%s is one deployment", plan.id())
        .hasSize(1);
    String deploymentId = ofPlan.get(0).getDeploymentId();
    assertThat(
            repository.createDeploymentQuery().deploymentId(deploymentId).singleResult().getName())
        .isEqualTo(PlanDeployment.deploymentName(plan));
  }

  // ---------------------------------------------------------------- the model

  private void checkModel(ProcessDefinition definition, String expectedName) throws IOException {
    step = "model: name, parse, validate, diagram";
    String key = definition.getKey();
    assertThat(definition.getName())
        .as("name of %s", key)
        .isEqualTo(expectedName)
        .matches(".*\\p{IsHan}.*");

    BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
    assertThat(model).as("%s parses", key).isNotNull();
    exportModel(definition);
    Bpmn.validateModel(model);
    Process process = model.getModelElementById(key);
    assertThat(process).as("process element %s", key).isNotNull();
    assertThat(process.getName()).isEqualTo(expectedName);
    assertThat(process.isExecutable()).isTrue();

    Collection<BpmnDiagram> diagrams = model.getModelElementsByType(BpmnDiagram.class);
    assertThat(diagrams).as("%s has a diagram", key).hasSize(1);
    BaseElement plane = diagrams.iterator().next().getBpmnPlane().getBpmnElement();
    assertThat(plane).as("the diagram of %s shows its process", key).isNotNull();
    assertThat(plane.getId()).isEqualTo(key);

    Set<String> shown =
        model.getModelElementsByType(BpmnShape.class).stream()
            .map(BpmnShape::getBpmnElement)
            .filter(e -> e != null)
            .map(BaseElement::getId)
            .collect(Collectors.toSet());
    List<String> nodes =
        model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).toList();
    assertThat(nodes).as("flow nodes of %s", key).isNotEmpty();
    assertThat(nodes.stream().filter(id -> !shown.contains(id)).toList())
        .as("flow nodes of %s without a shape", key)
        .isEmpty();

    Set<String> drawn =
        model.getModelElementsByType(BpmnEdge.class).stream()
            .map(BpmnEdge::getBpmnElement)
            .filter(e -> e != null)
            .map(BaseElement::getId)
            .collect(Collectors.toSet());
    assertThat(
            model.getModelElementsByType(SequenceFlow.class).stream()
                .map(SequenceFlow::getId)
                .filter(id -> !drawn.contains(id))
                .toList())
        .as("sequence flows of %s without an edge", key)
        .isEmpty();

    // every user task takes its input through the checked form handler, against a declared form
    for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
      assertThat(userTask.getCamundaFormHandlerClass())
          .as("form handler of %s in %s", userTask.getId(), key)
          .isEqualTo(CheckedTaskFormHandler.class.getName());
      assertThat(taskForms.declares(userTask.getId()))
          .as("declared form of %s in %s", userTask.getId(), key)
          .isTrue();
    }
  }

  /**
   * The deployed XML, byte for byte, as {@code target/bpmn/<key>.bpmn}: {@code .ci/run} lints every
   * one of them with bpmnlint (Camunda 7.24 rules) after the build, so the lint sees exactly what
   * the engine runs.
   */
  private void exportModel(ProcessDefinition definition) throws IOException {
    Path file = EXPORT_DIR.resolve(definition.getKey() + ".bpmn");
    Files.createDirectories(EXPORT_DIR);
    try (InputStream xml = repository.getProcessModel(definition.getId())) {
      Files.write(file, xml.readAllBytes());
    }
  }

  // ---------------------------------------------------------------- one round of a task

  private void runRound(PlanCatalog plan, TaskEntry task, ProcessDefinition definition)
      throws Exception {
    int year = plan.plan().period().to();
    ClockUtil.setCurrentTime(at(year, 1, 2));
    String office = plan.plan().coordinatingOffice().id();

    step = "start the " + year + " round";
    ProcessInstance round =
        runtime.startProcessInstanceById(definition.getId(), Map.of(YEAR, year));
    roundsStarted.merge(plan.id(), 1, Integer::sum);
    assertThat(round.getBusinessKey())
        .isEqualTo(ProcessKeys.businessKey(plan.id(), task.number(), year));

    String lead;
    List<String> coUnits;
    if (plan.plan().responsibility() == ResponsibilityPolicy.ASSIGNED_PER_ROUND) {
      step = "assign units (" + RoundElements.ASSIGN_UNITS + ")";
      Task assign = single(round, RoundElements.ASSIGN_UNITS);
      assertThat(candidateGroups(assign))
          .as("assignment of %s", definition.getKey())
          .containsExactly(office);
      List<Unit> units = plan.units();
      int i = plan.tasks().indexOf(task);
      lead = units.get(i % units.size()).id();
      coUnits =
          List.of(units.get((i + 1) % units.size()).id(), units.get((i + 2) % units.size()).id());
      tasks.complete(assign.getId(), Map.of(LEAD_UNIT, lead, CO_UNITS, String.join(",", coUnits)));
    } else {
      assertThat(task.lead() != null || plan.plan().responsibility() == ResponsibilityPolicy.JOINT)
          .as("%s names its lead", task.number())
          .isTrue();
      lead = task.lead() == null ? office : plan.unit(task.lead()).id();
      coUnits = task.coUnits().stream().map(name -> plan.unit(name).id()).toList();
    }
    assertThat(runtime.getVariable(round.getId(), LEAD_UNIT)).isEqualTo(lead);
    assertThat(RoundUnits.split((String) runtime.getVariable(round.getId(), CO_UNITS)))
        .isEqualTo(coUnits);

    step = "co-unit tasks and their candidate groups";
    List<Task> coTasks = open(round, RoundElements.reportTask(RoundElements.CO_UNIT));
    List<String> coGroups = new ArrayList<>();
    for (Task coTask : coTasks) {
      List<String> groups = candidateGroups(coTask);
      assertThat(groups).as("candidate groups of co-unit task %s", coTask.getName()).hasSize(1);
      coGroups.addAll(groups);
    }
    assertThat(coGroups)
        .as("co-unit tasks of %s", definition.getKey())
        .containsExactlyInAnyOrderElementsOf(coUnits);
    assertThat(open(round, RoundElements.reportTask(RoundElements.LEAD)))
        .as("the lead waits for the co-units")
        .isEmpty();
    step = "co-units submit";
    for (Task coTask : coTasks) {
      tasks.complete(coTask.getId(), reportOf(coTask, candidateGroups(coTask).get(0), false));
    }
    step = "co-unit join and publishing (jobs)";
    runDueJobs(round);

    step = "lead task and its candidate group";
    Task leadTask = single(round, RoundElements.reportTask(RoundElements.LEAD));
    assertThat(candidateGroups(leadTask))
        .as("lead task of %s", definition.getKey())
        .containsExactly(lead);
    for (String coUnit : coUnits) {
      assertThat(tasks.getVariable(leadTask.getId(), report(coUnit)))
          .as("the lead reads %s's report", coUnit)
          .isNotNull();
    }
    step = "lead submits";
    tasks.complete(leadTask.getId(), reportOf(leadTask, lead, true));
    step = "publish the lead's report (jobs)";
    runDueJobs(round);

    step = "supervisor review";
    Task review = single(round, RoundElements.REVIEW);
    assertThat(candidateGroups(review))
        .as("review of %s", definition.getKey())
        .containsExactly(office);
    tasks.complete(review.getId(), Map.of(REVIEW_DECISION, "ACCEPT", REVIEW_RATING, "GOOD"));
    runDueJobs(round);

    step = "round ended at " + RoundElements.END_COMPLETED;
    HistoricProcessInstance ended =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(round.getId())
            .singleResult();
    assertThat(ended.getEndTime()).as("%s ended", definition.getKey()).isNotNull();
    assertThat(ended.getEndActivityId()).isEqualTo(RoundElements.END_COMPLETED);
    assertThat(historicVariable(round.getId(), OUTCOME)).isEqualTo("COMPLETED");
    roundsFinished.merge(plan.id(), 1, Integer::sum);
  }

  /**
   * A unit's report: progress, status, a value for every indicator the round asks for, and (lead)
   * one PDF.
   */
  private Map<String, Object> reportOf(Task task, String unit, boolean withEvidence)
      throws Exception {
    Map<String, Object> vars = new HashMap<>();
    vars.put(PROGRESS, unit + " 本年度工作进展");
    vars.put(COMPLETION_STATUS, "ON_TRACK");
    String targets = (String) tasks.getVariable(task.getId(), TARGETS);
    if (targets != null && !targets.isBlank()) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (Target target : json.readValue(targets, new TypeReference<List<Target>>() {})) {
        values.put(target.indicator(), 1);
      }
      if (!values.isEmpty()) {
        vars.put(INDICATOR_VALUES, json.writeValueAsString(values));
      }
    }
    if (withEvidence) {
      vars.put(evidence(1), pdf("工作总结.pdf"));
    }
    return vars;
  }

  // ---------------------------------------------------------------- evaluations and notices

  private void runEvaluation(PlanCatalog plan, EvaluationKind kind, ProcessDefinition definition) {
    int year = plan.plan().period().to();
    ClockUtil.setCurrentTime(at(year + 1, 1, 5));
    step = "start the " + year + " " + kind.label;
    ProcessInstance evaluation =
        runtime.startProcessInstanceById(definition.getId(), Map.of(YEAR, year));
    assertThat(evaluation.getBusinessKey()).isEqualTo(kind.businessKey(plan.id(), year));

    step = "evaluation review task and summary";
    Task review = single(evaluation, EvaluationElements.REVIEW);
    assertThat(candidateGroups(review)).containsExactly(plan.plan().coordinatingOffice().id());
    int started = roundsStarted.getOrDefault(plan.id(), 0);
    int finished = roundsFinished.getOrDefault(plan.id(), 0);
    assertThat((String) tasks.getVariable(review.getId(), EvaluationVariables.SUMMARY_TEXT))
        .as("the summary counts this run's rounds")
        .contains("任务轮次 " + started + " 个,已办结 " + finished + " 个");
    assertThat(tasks.getVariable(review.getId(), EvaluationVariables.SUMMARY_TABLE)).isNotNull();

    step = "office records its conclusion";
    tasks.complete(review.getId(), Map.of(EvaluationVariables.CONCLUSION, "各项任务按计划推进。"));
    runDueJobs(evaluation);
    step = "evaluation ended";

    HistoricProcessInstance ended =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(evaluation.getId())
            .singleResult();
    assertThat(ended.getEndTime()).as("%s ended", definition.getKey()).isNotNull();
    assertThat(ended.getEndActivityId()).isEqualTo(EvaluationElements.END);
  }

  /**
   * One path through the notice process: the notice, the office's decision (if it decides), where
   * it ends.
   */
  private record NoticeCase(NoticeType type, Map<String, Object> decision, String end) {}

  /**
   * Each branch of the notice process: a reminder ends at once; an overdue notice and a
   * commendation go to the unit to sign for; a sanction is the office's to issue (then the unit
   * signs for it) or to withdraw.
   */
  /** A message to the plan's office through the outbox: queued, then delivered by its job. */
  private void runDelivery(PlanCatalog plan, ProcessDefinition definition) {
    step = "queue a message";
    String office = plan.plan().coordinatingOffice().id();
    ProcessInstance delivery =
        runtime.startProcessInstanceById(
            definition.getId(),
            plan.id() + "/送达冒烟测试/2025",
            Map.of(
                DeliveryVariables.CHANNEL, "OUTBOX",
                DeliveryVariables.RECIPIENT, office,
                DeliveryVariables.RECIPIENT_NAME, plan.plan().coordinatingOffice().name(),
                DeliveryVariables.SUBJECT, "冒烟测试",
                DeliveryVariables.TEXT, "冒烟测试消息"));
    var job = management.createJobQuery().processInstanceId(delivery.getId()).singleResult();
    assertThat(job).as("the send waits for the job executor").isNotNull();
    assertThat(job.getFailedActivityId() == null ? "" : job.getFailedActivityId()).isEmpty();
    step = "deliver";
    management.executeJob(job.getId());
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(delivery.getId())
                .activityId(DeliveryVariables.END)
                .finished()
                .count())
        .as("delivered")
        .isEqualTo(1);
  }

  private void runNotices(PlanCatalog plan, ProcessDefinition definition) {
    int year = plan.plan().period().to();
    ClockUtil.setCurrentTime(at(year, 12, 20));
    String office = plan.plan().coordinatingOffice().id();
    Unit unit = plan.units().get(0);
    String roundKey = plan.id() + "/通知冒烟测试/" + year;
    Map<String, Object> withdraw = Map.of("noticeDecision", "WITHDRAW", "withdrawReason", "冒烟测试撤回");
    List<NoticeCase> cases =
        List.of(
            new NoticeCase(NoticeType.REMINDER, null, "endEvent_recorded"),
            new NoticeCase(NoticeType.OVERDUE, null, "endEvent_acknowledged"),
            new NoticeCase(NoticeType.COMMENDATION, null, "endEvent_acknowledged"),
            new NoticeCase(
                NoticeType.CRITICISM,
                Map.of("noticeDecision", "ISSUE", "noticeText", "冒烟测试通报"),
                "endEvent_acknowledged"),
            new NoticeCase(NoticeType.SECOND_CRITICISM, withdraw, "endEvent_criticismWithdrawn"),
            new NoticeCase(
                NoticeType.INTERVIEW,
                Map.of(
                    "noticeDecision",
                    "ISSUE",
                    "interviewDate",
                    year + "-12-20",
                    "interviewees",
                    "单位负责人",
                    "interviewNotes",
                    "冒烟测试约谈"),
                "endEvent_acknowledged"),
            new NoticeCase(NoticeType.INTERVIEW, withdraw, "endEvent_interviewWithdrawn"));
    for (int i = 0; i < cases.size(); i++) {
      NoticeCase c = cases.get(i);
      NoticeType type = c.type();
      // each notice a minute after the last, so the newest is the one just issued
      ClockUtil.setCurrentTime(at(year, 12, 20, i));
      step =
          "notice " + type + (c.decision() == null ? "" : " " + c.decision().get("noticeDecision"));
      notices.issue(
          new Notice(
              type,
              plan.id(),
              roundKey,
              null,
              plan.plan().city() + " 冒烟测试 " + year + "年度",
              unit.id(),
              unit.name(),
              unit.id() + "-handler",
              "冒烟测试",
              office));
      HistoricProcessInstance notice =
          history
              .createHistoricProcessInstanceQuery()
              .processDefinitionId(definition.getId())
              .processInstanceBusinessKey(roundKey)
              .orderByProcessInstanceStartTime()
              .desc()
              .list()
              .get(0);
      assertThat(historicVariable(notice.getId(), "noticeType")).isEqualTo(type.name());
      if (c.decision() != null) {
        Task task = tasks.createTaskQuery().processInstanceId(notice.getId()).singleResult();
        assertThat(task).as("%s task", type).isNotNull();
        assertThat(task.getName()).startsWith(type.label + "(待签发):" + unit.name());
        assertThat(candidateGroups(task)).containsExactly(office);
        tasks.complete(task.getId(), c.decision());
      }
      if (c.end().equals("endEvent_acknowledged")) {
        Task receipt = tasks.createTaskQuery().processInstanceId(notice.getId()).singleResult();
        assertThat(receipt.getName()).startsWith("请签收 " + type.label + ":" + unit.name());
        assertThat(candidateGroups(receipt)).containsExactly(unit.id());
        tasks.complete(receipt.getId());
      }
      HistoricProcessInstance ended =
          history
              .createHistoricProcessInstanceQuery()
              .processInstanceId(notice.getId())
              .singleResult();
      assertThat(ended.getEndTime()).as("%s notice ended", type).isNotNull();
      assertThat(ended.getEndActivityId()).isEqualTo(c.end());
    }
  }

  // ---------------------------------------------------------------- engine helpers

  private List<Task> open(ProcessInstance instance, String taskKey) {
    return tasks
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey)
        .list();
  }

  private Task single(ProcessInstance instance, String taskKey) {
    List<Task> found = open(instance, taskKey);
    assertThat(found).as("open %s of %s", taskKey, instance.getBusinessKey()).hasSize(1);
    return found.get(0);
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(
            link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .toList();
  }

  private Object historicVariable(String processInstanceId, String name) {
    return history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId)
        .variableName(name)
        .list()
        .stream()
        .filter(
            v ->
                processInstanceId.equals(
                    v.getActivityInstanceId())) // the instance's own, not a stage's
        .map(HistoricVariableInstance::getValue)
        .findFirst()
        .orElse(null);
  }

  /** This instance's due jobs only: the deployments' yearly timer starts must not fire. */
  private void runDueJobs(ProcessInstance instance) {
    RoundFixture.runDueJobsOf(management, instance);
  }

  private void clear() {
    runtime
        .createProcessInstanceQuery()
        .list()
        .forEach(
            pi -> runtime.deleteProcessInstance(pi.getId(), "smoke test clean-up", true, true));
    List<String> finished =
        history.createHistoricProcessInstanceQuery().list().stream()
            .map(HistoricProcessInstance::getId)
            .toList();
    if (!finished.isEmpty()) {
      history.deleteHistoricProcessInstances(finished);
    }
    ClockUtil.reset();
  }

  static Date at(int year, int month, int day) {
    return at(year, month, day, 0);
  }

  static Date at(int year, int month, int day, int minute) {
    return Date.from(LocalDateTime.of(year, month, day, 9, minute).atZone(ZONE).toInstant());
  }

  static FileValue pdf(String name) {
    byte[] bytes =
        "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    return Variables.fileValue(name).file(bytes).mimeType("application/pdf").create();
  }
}
