package org.duban.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.duban.DubanApplication;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundVariables;
import org.duban.testsupport.PostgresServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
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

  private static List<ConfigurableApplicationContext> startTogether(String url, String... names)
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
