package org.duban.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.names.NoticeVariables;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundVariables;
import org.duban.testsupport.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The year-end wave: a generated plan's co-unit tasks all due on the same day and left unanswered
 * (default 200 tasks × 7 years' rounds × 8 co-units, as in the shipped plans = 11,200, every round
 * given the same deadline, as an office does for a backlog), the clock moved past the whole ladder,
 * and the job executor let loose. Prints jobs/s and checks that every rung reached every unit task
 * exactly once (five notices each: reminder, overdue, criticism, second criticism, interview), with
 * no incident and nothing left to run. Run with {@code bench/wave.sh [postgres] [baseline]}: {@code
 * baseline} runs the job executor as application.yaml configured it before it was tuned for the
 * wave, so the two can be compared on the same machine. Not part of the suite.
 */
@SpringBootTest(
    properties = {"logging.level.org.duban=warn", "camunda.bpm.job-execution.enabled=true"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaveBenchmark {

  static final int TASKS = Integer.getInteger("duban.bench.wave-tasks", 200);
  static final int YEARS = Integer.getInteger("duban.bench.wave-years", 7);
  static final int CO_UNITS = Integer.getInteger("duban.bench.wave-co-units", 8);
  static final BenchPlan PLAN =
      new BenchPlan("bench-wave", TASKS, CO_UNITS, 2025 - YEARS + 1, 2025);
  static final boolean POSTGRES = "postgres".equals(System.getProperty("duban.bench.database"));
  static final boolean BASELINE = "baseline".equals(System.getProperty("duban.bench.executor"));
  static final String DATABASE = "wave_" + UUID.randomUUID().toString().replace("-", "");
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    // the shipped plans' timers fall due in the real present, after the wave's engine clock
    BenchDatabase.register(registry, PLAN, "bench-wave-catalogs", POSTGRES, DATABASE);
    if (BASELINE) {
      // application.yaml before the executor was tuned (stop 16), on the starter's other defaults
      registry.add("camunda.bpm.job-execution.max-jobs-per-acquisition", () -> "10");
      registry.add("camunda.bpm.job-execution.core-pool-size", () -> "3");
      registry.add("camunda.bpm.job-execution.max-pool-size", () -> "6");
      registry.add("camunda.bpm.job-execution.queue-capacity", () -> "3");
      registry.add("camunda.bpm.job-execution.wait-time-in-millis", () -> "5000");
      registry.add("camunda.bpm.job-execution.backoff-time-in-millis", () -> "0");
      registry.add("camunda.bpm.job-execution.max-backoff", () -> "0");
      registry.add(
          "camunda.bpm.generic-properties.properties.job-executor-acquire-by-due-date",
          () -> "false");
    }
  }

  @AfterAll
  void reset() {
    ClockUtil.reset();
  }

  @Test
  void yearEndWave() throws Exception {
    ClockUtil.setCurrentTime(at(2025, 1, 2));
    long openStart = System.nanoTime();
    List<String> rounds = new ArrayList<>();
    for (int year = PLAN.fromYear(); year <= PLAN.toYear(); year++) {
      for (int t = 1; t <= TASKS; t++) {
        rounds.add(
            runtime
                .startProcessInstanceByKey(
                    ProcessKeys.round(PLAN.id(), "一." + t),
                    Map.of(
                        RoundVariables.YEAR, year, RoundVariables.LEAD_DUE_OVERRIDE, "2025-12-15"))
                .getId());
      }
    }
    long unitTasks = tasks.createTaskQuery().processDefinitionKeyIn(keys()).count();
    assertThat(unitTasks).isEqualTo((long) rounds.size() * CO_UNITS);
    // the executor runs from start-up (as in production): the tasks' 新任务 messages go first
    drain();
    double openSeconds = (System.nanoTime() - openStart) / 1e9;
    long jobsBefore = history.createHistoricJobLogQuery().successLog().count();

    // past the whole ladder: due 12-05, second criticism 12-16
    JobExecutor executor =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    long start = System.nanoTime();
    ClockUtil.setCurrentTime(at(2025, 12, 31));
    executor.jobWasAdded(); // as a new job would: no waiting out the idle acquisition
    drain();
    double seconds = (System.nanoTime() - start) / 1e9;
    long jobs = history.createHistoricJobLogQuery().successLog().count() - jobsBefore;
    long failed = history.createHistoricJobLogQuery().failureLog().count();

    assertThat(management.createJobQuery().executable().count()).as("nothing left to run").isZero();
    assertThat(runtime.createIncidentQuery().count()).as("no incident").isZero();
    Map<String, Long> perUnitAndType = noticesPerUnitAndType();
    assertThat(perUnitAndType.values()).as("each rung reached each unit once").containsOnly(1L);
    assertThat(perUnitAndType).as("five notices per unit task").hasSize((int) unitTasks * 5);

    String db = POSTGRES ? "PostgreSQL " + PostgresServer.shared().origin() : "H2 (file)";
    System.out.printf(
        "%n== year-end wave on %s, executor %s: %s%n",
        db, BASELINE ? "baseline (before tuning)" : "as configured", settings(executor));
    System.out.printf(
        "wave: %d rounds, %d unit tasks opened in %.1f s; %d jobs in %.1f s = %.0f jobs/s;"
            + " %d notices, each rung once per unit task; %d failed attempts retried, no incident%n%n",
        rounds.size(),
        unitTasks,
        openSeconds,
        jobs,
        seconds,
        jobs / seconds,
        perUnitAndType.size(),
        failed);
  }

  /** Waits for the executor's work, not for a deadline: the engine clock stands still meanwhile. */
  private void drain() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(60);
    while ((management.createJobQuery().executable().count() > 0 || undelivered() > 0)
        && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
  }

  private String[] keys() {
    List<String> keys = new ArrayList<>();
    for (int t = 1; t <= TASKS; t++) {
      keys.add(ProcessKeys.round(PLAN.id(), "一." + t));
    }
    return keys.toArray(String[]::new);
  }

  private long undelivered() {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.delivery(PLAN.id()))
        .count();
  }

  private Map<String, Long> noticesPerUnitAndType() {
    Map<String, Map<String, Object>> notices = new HashMap<>();
    history
        .createHistoricVariableInstanceQuery()
        .processDefinitionKey(ProcessKeys.notice(PLAN.id()))
        .variableNameIn(NoticeVariables.ROUND_KEY, NoticeVariables.UNIT, NoticeVariables.TYPE)
        .list()
        .forEach(
            v ->
                notices
                    .computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>())
                    .put(v.getName(), v.getValue()));
    return notices.values().stream()
        .collect(
            Collectors.groupingBy(
                n ->
                    n.get(NoticeVariables.ROUND_KEY)
                        + "|"
                        + n.get(NoticeVariables.UNIT)
                        + "|"
                        + n.get(NoticeVariables.TYPE),
                Collectors.counting()));
  }

  private String settings(JobExecutor executor) {
    ProcessEngineConfigurationImpl config =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String pool = "";
    if (executor instanceof org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor s
        && s.getTaskExecutor()
            instanceof org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor t) {
      pool =
          "threads "
              + t.getCorePoolSize()
              + "–"
              + t.getMaxPoolSize()
              + ", queue "
              + t.getQueueCapacity()
              + ", ";
    }
    return pool
        + "max-jobs-per-acquisition "
        + executor.getMaxJobsPerAcquisition()
        + ", wait "
        + executor.getWaitTimeInMillis()
        + " ms, backoff "
        + executor.getBackoffTimeInMillis()
        + "–"
        + executor.getMaxBackoff()
        + " ms, acquire by due date "
        + config.isJobExecutorAcquireByDueDate();
  }

  private static Date at(int year, int month, int day) {
    return Date.from(LocalDateTime.of(year, month, day, 10, 0).atZone(ZONE).toInstant());
  }
}
