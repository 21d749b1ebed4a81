package org.duban.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.community.process_test_coverage.core.model.Collector;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.core.model.EventSource;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.engine.platform7.ExecutionContextModelProvider;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.report.CoverageReportUtil;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * The test side of {@link ProcessCoverage}: one coverage suite per test class, one run per test
 * method, and after the class the share of flow nodes (and sequence flows) it ran, per process.
 *
 * <p>The library ships a Spring listener of its own; it is not used because it registers itself for
 * every Spring test of the build, asserts only one ratio over all processes a class touched (a
 * scenario that lets the yearly timers open every plan's rounds touches a hundred), and records
 * events from concurrent submissions into unsynchronised lists. This one uses the library's
 * collector, engine listener and report generator, and adds none of those.
 */
class ProcessCoverageListener extends AbstractTestExecutionListener {

  private static final Logger log = LoggerFactory.getLogger(ProcessCoverageListener.class);

  private DefaultCollector collector;

  /** Events arrive from the engine's threads; the collector's lists are not safe for that. */
  private final Object lock = new Object();

  private boolean running;
  private final Set<String> methodsRun = new HashSet<>();

  @Override
  public int getOrder() {
    return LOWEST_PRECEDENCE;
  }

  @Override
  public void beforeTestClass(TestContext testContext) {
    collector = new DefaultCollector(new ExecutionContextModelProvider());
    String suiteId = testContext.getTestClass().getName();
    collector.createSuite(new Suite(suiteId, testContext.getTestClass().getSimpleName()));
    collector.activateSuite(suiteId);
    Collector synchronizedCollector = this::addEvent;
    ProcessEngine engine = testContext.getApplicationContext().getBean(ProcessEngine.class);
    new ProcessEngineAdapter(engine, synchronizedCollector).initializeListeners();
  }

  @Override
  public void beforeTestMethod(TestContext testContext) {
    String runId = testContext.getTestMethod().getName();
    synchronized (lock) {
      if (methodsRun.add(runId)) {
        collector.createRun(new Run(runId, runId), collector.getActiveSuite().getId());
      }
      collector.activateRun(runId);
      running = true;
    }
  }

  @Override
  public void afterTestMethod(TestContext testContext) {
    synchronized (lock) {
      running = false;
    }
  }

  private void addEvent(Event event) {
    synchronized (lock) {
      // outside a test method (context start-up, clean-up between methods) nothing is recorded
      if (running) {
        collector.addEvent(event);
      }
    }
  }

  @Override
  public void afterTestClass(TestContext testContext) {
    Class<?> testClass = testContext.getTestClass();
    Suite suite = collector.getActiveSuite();
    List<ProcessShare> shares =
        collector.getModels().stream()
            .map(model -> ProcessShare.of(model, suite))
            .sorted(Comparator.comparing(ProcessShare::key))
            .toList();
    if (shares.isEmpty()) {
      log.warn("Process test coverage of {}: the class ran no process", testClass.getSimpleName());
      return;
    }
    MinimumFlowNodeCoverage minimum =
        AnnotatedElementUtils.findMergedAnnotation(testClass, MinimumFlowNodeCoverage.class);
    CoverageReportUtil.createReport(collector, null);
    CoverageReportUtil.createJsonReport(collector, null);
    Path dir = Path.of(CoverageReportUtil.TARGET_DIR_ROOT, suite.getId());
    Path listing = dir.resolve("flow-nodes.txt");
    try {
      Files.createDirectories(dir);
      Files.writeString(
          listing,
          table(testClass, shares, s -> true) + System.lineSeparator(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // a process the class only started (a yearly timer opening every plan's rounds): file only
    Predicate<ProcessShare> worked =
        s -> s.flowNodeRatio() >= 0.25 || minimum != null && s.key().equals(minimum.process());
    String table = table(testClass, shares, worked);
    long onlyStarted = shares.stream().filter(worked.negate()).count();
    log.info(
        "{}{}",
        table,
        onlyStarted == 0
            ? ""
            : String.format(
                Locale.ROOT,
                "%n  and %d processes below 25%% (only started): see %s",
                onlyStarted,
                listing));

    if (minimum == null) {
      return;
    }
    Set<String> declared = testMethods(testClass);
    if (!methodsRun.containsAll(declared)) {
      log.info(
          "Flow node coverage of {} not checked against {}: {} of {} test methods ran",
          minimum.process(),
          percent(minimum.atLeast()),
          declared.stream().filter(methodsRun::contains).count(),
          declared.size());
      return;
    }
    ProcessShare share =
        shares.stream().filter(s -> s.key().equals(minimum.process())).findFirst().orElse(null);
    if (share == null) {
      throw new AssertionError(
          testClass.getSimpleName()
              + " ran no instance of "
              + minimum.process()
              + ", which must reach "
              + percent(minimum.atLeast())
              + " flow node coverage");
    }
    if (share.flowNodeRatio() < minimum.atLeast()) {
      throw new AssertionError(
          String.format(
              Locale.ROOT,
              "flow node coverage of %s by %s is %s (%d of %d), below the minimum %s; no test reached: %s",
              share.key(),
              testClass.getSimpleName(),
              percent(share.flowNodeRatio()),
              share.coveredNodes(),
              share.nodes(),
              percent(minimum.atLeast()),
              share.missedNodes()));
    }
    log.info(
        "Flow node coverage of {}: {} (minimum {})",
        share.key(),
        percent(share.flowNodeRatio()),
        percent(minimum.atLeast()));
  }

  private static String table(
      Class<?> testClass, List<ProcessShare> shares, Predicate<ProcessShare> shown) {
    StringBuilder out =
        new StringBuilder("Process test coverage of ")
            .append(testClass.getSimpleName())
            .append(" (flow nodes, sequence flows), per process:");
    for (ProcessShare s : shares) {
      if (!shown.test(s)) {
        continue;
      }
      out.append(
          String.format(
              Locale.ROOT,
              "%n  %-40s flow nodes %3d/%3d %6s   sequence flows %3d/%3d %6s",
              s.key(),
              s.coveredNodes(),
              s.nodes(),
              percent(s.flowNodeRatio()),
              s.coveredFlows(),
              s.flows(),
              percent(s.flowRatio())));
      if (!s.missedNodes().isEmpty() && s.missedNodes().size() <= 12) {
        out.append(
            String.format(
                Locale.ROOT,
                "%n  %-40s   not reached: %s",
                "",
                String.join(", ", s.missedNodes())));
      }
    }
    return out.toString();
  }

  /** The class's test methods (any JUnit test kind), its superclasses' included. */
  private static Set<String> testMethods(Class<?> testClass) {
    Set<String> names = new TreeSet<>();
    for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method method : c.getDeclaredMethods()) {
        if (AnnotationSupport.isAnnotated(method, Testable.class)) {
          names.add(method.getName());
        }
      }
    }
    return names;
  }

  static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
  }

  /** One process's executable flow nodes and sequence flows, and those the suite reached. */
  record ProcessShare(
      String key,
      int nodes,
      int coveredNodes,
      int flows,
      int coveredFlows,
      List<String> missedNodes) {

    double flowNodeRatio() {
      return nodes == 0 ? 1 : (double) coveredNodes / nodes;
    }

    double flowRatio() {
      return flows == 0 ? 1 : (double) coveredFlows / flows;
    }

    /** As the library counts them: the nodes of the executable process, the flows leaving them. */
    static ProcessShare of(Model model, Suite suite) {
      BpmnModelInstance bpmn =
          Bpmn.readModelFromStream(
              new ByteArrayInputStream(model.getXml().getBytes(StandardCharsets.UTF_8)));
      Set<String> nodeIds =
          bpmn.getModelElementsByType(FlowNode.class).stream()
              .filter(node -> inProcess(node, model.getKey()))
              .map(FlowNode::getId)
              .collect(Collectors.toCollection(TreeSet::new));
      Set<String> flowIds =
          bpmn.getModelElementsByType(SequenceFlow.class).stream()
              .filter(flow -> nodeIds.contains(flow.getSource().getId()))
              .map(SequenceFlow::getId)
              .collect(Collectors.toSet());
      Collection<Event> events = suite.getEvents(model.getKey());
      Set<String> reachedNodes = reached(events, EventSource.FLOW_NODE, nodeIds);
      Set<String> takenFlows = reached(events, EventSource.SEQUENCE_FLOW, flowIds);
      List<String> missed = new ArrayList<>(nodeIds);
      missed.removeAll(reachedNodes);
      return new ProcessShare(
          model.getKey(),
          nodeIds.size(),
          reachedNodes.size(),
          flowIds.size(),
          takenFlows.size(),
          missed);
    }

    private static Set<String> reached(
        Collection<Event> events, EventSource source, Set<String> ids) {
      return events.stream()
          .filter(e -> e.getSource() == source)
          .map(Event::getDefinitionKey)
          .filter(ids::contains)
          .collect(Collectors.toSet());
    }

    private static boolean inProcess(ModelElementInstance element, String processId) {
      for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
        if (e instanceof Process process) {
          return process.getId().equals(processId) && process.isExecutable();
        }
      }
      return false;
    }
  }
}
