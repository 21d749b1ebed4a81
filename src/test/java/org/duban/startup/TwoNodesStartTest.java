package org.duban.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.duban.DubanApplication;
import org.duban.catalog.PlanCatalogs;
import org.duban.catalog.PlanProcesses;
import org.duban.catalog.TaskEntry;
import org.duban.names.NoticeVariables;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundVariables;
import org.duban.testsupport.PostgresServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes (whole applications, each on its own port) started at the same moment on one empty
 * PostgreSQL database: the engine's schema creation and the plans' deployment and identity seeding
 * must not race ({@link StartupLock}). Both come up, each plan is deployed once, the demo's users
 * and round exist once, a round started on one node is worked on the other, and a restart of both
 * with unchanged catalogs deploys nothing.
 */
class TwoNodesStartTest {

  static final String PLAN = "wuzhong-2022";

  /** The plans whose 2025 rounds make the wave. */
  static final List<String> PLANS = List.of(PLAN, "quanzhou-2024");

  @Test
  void twoNodesStartTogetherOnAnEmptyDatabase() throws Exception {
    String url =
        PostgresServer.shared()
            .jdbcUrl("two_nodes_" + UUID.randomUUID().toString().replace("-", ""));
    List<ConfigurableApplicationContext> nodes = startTogether(url, "node-a", "node-b");
    try {
      ProcessEngine a = engine(nodes.get(0));
      ProcessEngine b = engine(nodes.get(1));
      List<Deployment> deployments = a.getRepositoryService().createDeploymentQuery().list();
      assertThat(deployments).isNotEmpty();
      assertThat(deployments.stream().map(Deployment::getName))
          .as("each plan deployed once")
          .doesNotHaveDuplicates()
          .contains("duban-" + PLAN);
      assertThat(b.getIdentityService().createUserQuery().userId("auditor").count()).isEqualTo(1);
      assertThat(distinctGrants(nodes.get(0))).as("no authorization seeded twice").isTrue();
      assertThat(
              a.getHistoryService()
                  .createHistoricProcessInstanceQuery()
                  .processDefinitionKey(ProcessKeys.round(PLAN, "一.4-展会"))
                  .count())
          .as("the demo's round, opened by one node only")
          .isEqualTo(1);
      assertThat(indexExists(nodes.get(0)))
          .as("the index on ACT_RU_TASK(PARENT_TASK_ID_)")
          .isTrue();

      // a round started on one node is worked on the other
      String round =
          a.getRuntimeService()
              .startProcessInstanceByKey(
                  ProcessKeys.round(PLAN, "一.1"), Map.of(RoundVariables.YEAR, 2024))
              .getId();
      List<Task> onB = b.getTaskService().createTaskQuery().processInstanceId(round).list();
      assertThat(onB).isNotEmpty();

      escalationWaveOnBothNodes(a, b, nodes.get(0).getBean(PlanCatalogs.class));
    } finally {
      nodes.forEach(ConfigurableApplicationContext::close);
    }

    long before = countDeployments(url);
    List<ConfigurableApplicationContext> restarted = startTogether(url, "node-a", "node-b");
    try {
      assertThat(engine(restarted.get(0)).getRepositoryService().createDeploymentQuery().count())
          .as("a restart with unchanged catalogs deploys nothing")
          .isEqualTo(before);
    } finally {
      restarted.forEach(ConfigurableApplicationContext::close);
    }
  }

  /**
   * Every 2025 round of two plans, opened on New Year's Day and left unanswered until New Year's
   * Eve: both nodes' job executors run the escalation ladders together, and each rung reaches each
   * unit exactly once, with no incident.
   */
  private static void escalationWaveOnBothNodes(
      ProcessEngine a, ProcessEngine b, PlanCatalogs catalogs) throws Exception {
    ClockUtil.setCurrentTime(at(2025, 1, 2));
    List<String> rounds = new ArrayList<>();
    for (String plan : PLANS) {
      for (TaskEntry task : catalogs.require(plan).tasks()) {
        String key = ProcessKeys.round(plan, task.number());
        if (a.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key).count()
            == 0) {
          rounds.add(
              a.getRuntimeService()
                  .startProcessInstanceByKey(key, Map.of(RoundVariables.YEAR, 2025))
                  .getId());
        }
      }
    }
    long unitTasks =
        a.getTaskService()
            .createTaskQuery()
            .processInstanceIdIn(rounds.toArray(String[]::new))
            .count();
    assertThat(unitTasks).as("a wave of a few hundred unit tasks").isGreaterThan(100);

    ClockUtil.setCurrentTime(at(2025, 12, 31));
    List<JobExecutor> executors = List.of(jobExecutor(a), jobExecutor(b));
    long waveStart = System.nanoTime();
    executors.forEach(JobExecutor::start);
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      // waits for the executors' work, not for a deadline: the clock stands still meanwhile
      while ((a.getManagementService()
                      .createJobQuery()
                      .processInstanceIds(Set.copyOf(rounds))
                      .executable()
                      .count()
                  > 0
              || undelivered(a) > 0)
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
    } finally {
      executors.forEach(JobExecutor::shutdown);
    }
    assertThat(
            a.getManagementService()
                .createJobQuery()
                .processInstanceIds(Set.copyOf(rounds))
                .executable()
                .count())
        .as("every due rung has run")
        .isZero();
    assertThat(a.getRuntimeService().createIncidentQuery().count()).as("no incident").isZero();
    assertThat(undelivered(a)).as("every message of the wave delivered").isZero();

    // each message (one delivery instance) sent by exactly one node, once
    Map<String, Long> sendsPerMessage = new java.util.HashMap<>();
    Set<String> senders = new java.util.HashSet<>();
    for (String plan : PLANS) {
      a.getHistoryService()
          .createHistoricJobLogQuery()
          .processDefinitionKey(ProcessKeys.delivery(plan))
          .successLog()
          .list()
          .forEach(
              log -> {
                sendsPerMessage.merge(log.getProcessInstanceId(), 1L, Long::sum);
                senders.add(log.getHostname());
              });
    }
    assertThat(sendsPerMessage).as("messages of the wave").isNotEmpty();
    assertThat(sendsPerMessage.values()).as("each message sent once").containsOnly(1L);
    assertThat(senders).as("both nodes delivered").contains("node-a", "node-b");

    // round key|unit|type of every notice, from its variables in history
    Map<String, Map<String, Object>> notices = new java.util.HashMap<>();
    a
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .variableNameIn(NoticeVariables.ROUND_KEY, NoticeVariables.UNIT, NoticeVariables.TYPE)
        .list()
        .stream()
        .filter(v -> v.getProcessDefinitionKey().endsWith("_" + PlanProcesses.NOTICE))
        .forEach(
            v ->
                notices
                    .computeIfAbsent(v.getProcessInstanceId(), id -> new java.util.HashMap<>())
                    .put(v.getName(), v.getValue()));
    Map<String, Long> noticesPerUnitAndType =
        notices.values().stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    n ->
                        n.get(NoticeVariables.ROUND_KEY)
                            + "|"
                            + n.get(NoticeVariables.UNIT)
                            + "|"
                            + n.get(NoticeVariables.TYPE),
                    java.util.stream.Collectors.counting()));
    assertThat(noticesPerUnitAndType).isNotEmpty();
    assertThat(noticesPerUnitAndType.values())
        .as("each rung reached each unit of each round once")
        .containsOnly(1L);
    long reminders =
        noticesPerUnitAndType.keySet().stream().filter(k -> k.endsWith("|REMINDER")).count();
    assertThat(reminders).as("one reminder per open unit task").isEqualTo(unitTasks);

    Map<String, Long> jobsPerHost =
        a.getHistoryService().createHistoricJobLogQuery().successLog().list().stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    org.camunda.bpm.engine.history.HistoricJobLog::getHostname,
                    java.util.stream.Collectors.counting()));
    assertThat(jobsPerHost).as("both nodes took part in the wave").containsKeys("node-a", "node-b");
    System.out.printf(
        "two nodes: %d unit tasks, %d notices, jobs run per node %s, wave drained in %.1f s%n",
        unitTasks, notices.size(), jobsPerHost, (System.nanoTime() - waveStart) / 1e9);
    ClockUtil.reset();
  }

  /** Messages queued and not yet sent, of the wave's plans. */
  private static long undelivered(ProcessEngine engine) {
    long open = 0;
    for (String plan : PLANS) {
      open +=
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processDefinitionKey(ProcessKeys.delivery(plan))
              .count();
    }
    return open;
  }

  private static JobExecutor jobExecutor(ProcessEngine engine) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getJobExecutor();
  }

  private static Date at(int year, int month, int day) {
    return Date.from(
        LocalDateTime.of(year, month, day, 10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
  }

  /**
   * Spring Boot's logging system is one per JVM (Logback's context): two applications starting in
   * one JVM at once would reset it under each other ("Unable to find Spring Environment in logger
   * context"). The nodes log through the logging the JVM already has; the race under test is the
   * database's, not the JVM's.
   */
  private static List<ConfigurableApplicationContext> startTogether(String url, String... names)
      throws Exception {
    String loggingSystem = LoggingSystem.SYSTEM_PROPERTY;
    String before = System.getProperty(loggingSystem);
    System.setProperty(loggingSystem, LoggingSystem.NONE);
    try {
      return startTogetherNow(url, names);
    } finally {
      if (before == null) {
        System.clearProperty(loggingSystem);
      } else {
        System.setProperty(loggingSystem, before);
      }
    }
  }

  private static List<ConfigurableApplicationContext> startTogetherNow(String url, String... names)
      throws Exception {
    CyclicBarrier together = new CyclicBarrier(names.length);
    ExecutorService threads = Executors.newFixedThreadPool(names.length);
    List<Future<ConfigurableApplicationContext>> starting = new ArrayList<>();
    for (String name : names) {
      starting.add(
          threads.submit(
              () -> {
                SpringApplicationBuilder node =
                    new SpringApplicationBuilder(DubanApplication.class).profiles("demo");
                together.await();
                // as command-line arguments, above application.yaml (builder properties are below)
                return node.run(
                    "--server.port=0",
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=",
                    "--spring.datasource.driver-class-name=org.postgresql.Driver",
                    "--camunda.bpm.process-engine-name=" + name,
                    "--camunda.bpm.job-execution.enabled=false",
                    "--camunda.bpm.generic-properties.properties.hostname=" + name,
                    "--logging.level.org.duban=warn");
              }));
    }
    List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    try {
      for (Future<ConfigurableApplicationContext> node : starting) {
        nodes.add(node.get(5, TimeUnit.MINUTES));
      }
    } catch (Exception e) {
      nodes.forEach(ConfigurableApplicationContext::close);
      throw e;
    } finally {
      threads.shutdownNow();
    }
    return nodes;
  }

  private static ProcessEngine engine(ConfigurableApplicationContext node) {
    return node.getBean(ProcessEngine.class);
  }

  private static boolean distinctGrants(ConfigurableApplicationContext node) {
    JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
    Integer all = jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION", Integer.class);
    Integer distinct =
        jdbc.queryForObject(
            "select count(*) from (select distinct TYPE_, USER_ID_, GROUP_ID_, RESOURCE_TYPE_,"
                + " RESOURCE_ID_ from ACT_RU_AUTHORIZATION) d",
            Integer.class);
    return all != null && all > 0 && all.equals(distinct);
  }

  private static boolean indexExists(ConfigurableApplicationContext node) {
    Integer found =
        node.getBean(JdbcTemplate.class)
            .queryForObject(
                "select count(*) from pg_indexes where indexname = 'duban_idx_task_parent'",
                Integer.class);
    return found != null && found == 1;
  }

  private static long countDeployments(String url) throws Exception {
    try (var connection = java.sql.DriverManager.getConnection(url, "postgres", "");
        var statement = connection.createStatement();
        var result = statement.executeQuery("select count(*) from ACT_RE_DEPLOYMENT")) {
      result.next();
      return result.getLong(1);
    }
  }
}
