package org.duban.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.catalog.TaskEntry;
import org.duban.names.EvaluationKind;
import org.duban.names.ProcessKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated round process: valid, reproducible, wired to beans, and drawn without overlaps.
 */
class RoundProcessModelTest {

  static final PlanCatalogs CATALOGS = PlanCatalogs.load(List.of("file:plans/*.yaml"));
  final RoundProcessFactory factory = new RoundProcessFactory(ZoneId.of("Asia/Shanghai"), 3650);

  record Case(PlanCatalog plan, TaskEntry task) {
    @Override
    public String toString() {
      return ProcessKeys.round(plan.id(), task.number());
    }
  }

  static Stream<Case> everyTask() {
    return CATALOGS.all().stream().flatMap(p -> p.tasks().stream().map(t -> new Case(p, t)));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @ParameterizedTest
  @MethodSource("everyTask")
  void shouldBeReproducibleByteForByteWithReadableIds(Case c) {
    String first = Bpmn.convertToString(factory.create(c.plan(), c.task()));
    String second = Bpmn.convertToString(factory.create(c.plan(), c.task()));

    assertThat(first).isEqualTo(second);
    assertThat(first).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}");
    assertThat(first).contains("name=\"" + ProcessKeys.roundName(c.plan(), c.task()) + "\"");
  }

  @ParameterizedTest
  @MethodSource("everyTask")
  void shouldCallSpringBeansOnlyThroughDelegateExpressions(Case c) {
    BpmnModelInstance model = factory.create(c.plan(), c.task());
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      assertThat(task.getCamundaClass()).as(task.getId()).isNull();
      assertThat(task.getCamundaDelegateExpression()).as(task.getId()).matches("\\$\\{[a-zA-Z]+}");
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaFormKey())
          .as(task.getId())
          .startsWith("embedded:deployment:forms/");
      assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNotBlank();
    }
  }

  @ParameterizedTest
  @MethodSource("everyTask")
  void shouldDrawEveryElementWithoutOverlaps(Case c) {
    BpmnModelInstance model = factory.create(c.plan(), c.task());
    Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if (element instanceof FlowNode) {
        assertThat(shapes)
            .as("shape of " + element.getId())
            .anyMatch(s -> s.getBpmnElement() == element);
      }
    }
    List<BpmnShape> list = new ArrayList<>(shapes);
    for (int i = 0; i < list.size(); i++) {
      for (int j = i + 1; j < list.size(); j++) {
        BpmnShape a = list.get(i);
        BpmnShape b = list.get(j);
        if (mayTouch(a.getBpmnElement(), b.getBpmnElement())) {
          continue;
        }
        assertThat(overlap(a.getBounds(), b.getBounds()))
            .as("%s overlaps %s", a.getBpmnElement().getId(), b.getBpmnElement().getId())
            .isFalse();
      }
    }
    for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
      Bounds host = shapeOf(shapes, boundary.getAttachedTo()).getBounds();
      Bounds event = shapeOf(shapes, boundary).getBounds();
      assertThat(event.getY() + event.getHeight() / 2)
          .as("%s sits on its task's edge", boundary.getId())
          .isEqualTo(host.getY() + host.getHeight());
    }
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
      assertThat(points.size()).isGreaterThanOrEqualTo(2);
      for (int k = 1; k < points.size(); k++) {
        Waypoint p = points.get(k - 1);
        Waypoint q = points.get(k);
        assertThat(p.getX().equals(q.getX()) || p.getY().equals(q.getY()))
            .as("orthogonal segment of " + edge.getId())
            .isTrue();
      }
    }
  }

  @Test
  void theProcessDocumentsTheTasksDeadlineWhereThePlanSetsOne() {
    PlanCatalog plan = CATALOGS.all().get(0);
    TaskEntry t = plan.tasks().get(0);
    TaskEntry dated = t.withDeadline("2025年11月底前");
    String documented =
        factory
            .create(plan, dated)
            .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
            .iterator()
            .next()
            .getDocumentations()
            .iterator()
            .next()
            .getTextContent();
    assertThat(documented).startsWith(t.text()).endsWith("\n\n完成时限:2025年11月底前");
    String plain =
        factory
            .create(plan, t)
            .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
            .iterator()
            .next()
            .getDocumentations()
            .iterator()
            .next()
            .getTextContent();
    assertThat(plain).isEqualTo(t.text());
  }

  @Test
  void shouldOpenYearlyRoundsByTimerOnlyWhileThePlanHasYearsAhead() {
    PlanCatalog wuzhong = CATALOGS.require("wuzhong-2022");
    TaskEntry task = wuzhong.task("一.4-展会").orElseThrow();
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2024-06-01 00:00:00"));
    assertThat(Bpmn.convertToString(factory.create(wuzhong, task)))
        .contains("R4/2021-01-01T00:00:00+08:00/P1Y");
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2025-06-01 00:00:00"));
    assertThat(Bpmn.convertToString(factory.create(wuzhong, task))).doesNotContain("timeCycle");
  }

  @Test
  void shouldOpenARoundEveryPeriodOrOnceForADatedDeadline() {
    PlanCatalog wuzhong = CATALOGS.require("wuzhong-2022");
    TaskEntry t = wuzhong.task("一.4-展会").orElseThrow();
    TaskEntry quarterly =
        t.withDeadline("持续推进").withReporting(org.duban.catalog.Reporting.QUARTERLY);
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2024-06-01 00:00:00"));
    String model = Bpmn.convertToString(factory.create(wuzhong, quarterly));
    // four rounds a year for five years, at noon (see YearlyTimer), and the schedule in the model
    assertThat(model)
        .contains("R19/2021-01-01T12:00:00+08:00/P3M")
        .contains("name=\"duban.schedule.reporting\" value=\"QUARTERLY\"")
        .contains("name=\"duban.schedule.due.Q1\" value=\"03-31\"")
        .contains("name=\"duban.escalation.extensionsAllowed\" value=\"1\"");
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2025-10-01 13:00:00"));
    assertThat(Bpmn.convertToString(factory.create(wuzhong, quarterly)))
        .as("the plan's last quarter opened at noon on 2025-10-01")
        .doesNotContain("timeCycle");

    TaskEntry dated = t.withDeadline("2025年1月20日前");
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2024-06-01 00:00:00"));
    String once = Bpmn.convertToString(factory.create(wuzhong, dated));
    // due 01-20: opened the minimum lead time (30 days) before it, not on 01-01 of its year
    assertThat(once)
        .doesNotContain("timeCycle")
        .contains(">2024-12-21T00:00:00+08:00</timeDate>")
        .contains("name=\"duban.schedule.deadline\" value=\"2025-01-20\"");
  }

  /**
   * The models as a deployment before a plan's first year draws them, with the yearly timer start
   * (deployments today may carry none): written to {@code target/bpmn/timer-start/} for the lint
   * step of {@code .ci/run}, beside the deployed models the smoke test writes.
   */
  @Test
  void shouldGiveEveryModelItsYearlyTimerWhileThePlanHasYearsAhead() throws IOException {
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2000-01-01 00:00:00"));
    EvaluationProcessFactory evaluations =
        new EvaluationProcessFactory(ZoneId.of("Asia/Shanghai"), 3650);
    Path dir = Path.of("target", "bpmn", "timer-start");
    Files.createDirectories(dir);
    int written = 0;
    for (PlanCatalog plan : CATALOGS.all()) {
      Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
      plan.tasks()
          .forEach(
              t -> models.put(ProcessKeys.round(plan.id(), t.number()), factory.create(plan, t)));
      EvaluationKind.of(plan)
          .forEach(k -> models.put(k.processKey(plan.id()), evaluations.create(plan, k)));
      for (Map.Entry<String, BpmnModelInstance> model : models.entrySet()) {
        String xml = Bpmn.convertToString(model.getValue());
        assertThat(xml)
            .as("yearly timer of %s", model.getKey())
            .containsPattern("<(\\w+:)?timeCycle[ >]");
        Files.writeString(dir.resolve(model.getKey() + ".bpmn"), xml, StandardCharsets.UTF_8);
        written++;
      }
    }
    assertThat(written).isGreaterThan(CATALOGS.all().size());
  }

  private static boolean mayTouch(BaseElement a, BaseElement b) {
    return isInside(a, b)
        || isInside(b, a)
        || (a instanceof BoundaryEvent e && e.getAttachedTo() == b)
        || (b instanceof BoundaryEvent f && f.getAttachedTo() == a);
  }

  private static boolean isInside(BaseElement inner, BaseElement outer) {
    return outer instanceof SubProcess && inner.getParentElement() == outer;
  }

  private static BpmnShape shapeOf(Collection<BpmnShape> shapes, BaseElement element) {
    return shapes.stream().filter(s -> s.getBpmnElement() == element).findFirst().orElseThrow();
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth()
        && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight()
        && b.getY() < a.getY() + a.getHeight();
  }
}
