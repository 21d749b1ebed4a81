package org.duban.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.duban.demo.DemoData;
import org.duban.oversight.NoticeFilter;
import org.duban.oversight.OverdueFilter;
import org.duban.oversight.OversightQueries;
import org.duban.testsupport.DemoHttp;
import org.duban.testsupport.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The cost of the supervisors' views at scale, on PostgreSQL: a synthetic plan of 40 tasks × 30
 * years × 9 co-units (10,800 open unit tasks, those of the first three years overdue) beside the
 * five real plans. Not part of the test suite (surefire excludes *Benchmark); run it with {@code
 * bench/oversight.sh}, which prints one line per measured call.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "logging.level.org.duban=warn",
      "spring.datasource.hikari.maximum-pool-size=8"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OversightBenchmark {

  static final BenchPlan PLAN = new BenchPlan("bench-2001", 40, 9, 2001, 2030);
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** Rounds of 2001–2003 are past their co-unit due date (2003-12-05); later ones lie ahead. */
  static final Date NOW = Date.from(LocalDateTime.of(2003, 12, 20, 10, 0).atZone(ZONE).toInstant());

  static final int WARM_UP = Integer.getInteger("duban.bench.warm-up", 20);
  static final int RUNS = Integer.getInteger("duban.bench.runs", 50);

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired org.camunda.bpm.engine.HistoryService history;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @Autowired OversightQueries views;
  @Autowired TestRestTemplate http;
  org.camunda.bpm.engine.impl.interceptor.CommandExecutor commands;

  final List<Timing.Result> results = new ArrayList<>();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    Path catalogs = Path.of("target", "bench-catalogs");
    PLAN.writeInto(catalogs);
    // -Dduban.bench.jdbc-url=…: a server of one's own that keeps the loaded rounds between runs
    String url = System.getProperty("duban.bench.jdbc-url");
    registry.add(
        "spring.datasource.url",
        () -> url != null ? url : PostgresServer.shared().jdbcUrl("oversight_bench"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
    registry.add("duban.catalog.locations[0]", () -> "classpath*:plans/*.yaml");
    registry.add(
        "duban.catalog.locations[1]", () -> "file:" + catalogs.toAbsolutePath() + "/*.yaml");
    registry.add(
        "duban.catalog.import-dir", () -> Path.of("target", "bench-imported").toAbsolutePath());
  }

  @BeforeAll
  void openEveryRound() throws Exception {
    commands =
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
    List<String> keys =
        repository.createProcessDefinitionQuery().latestVersion().list().stream()
            .map(ProcessDefinition::getKey)
            .filter(key -> key.startsWith(PLAN.id() + "_1-"))
            .toList();
    assertThat(keys).hasSize(PLAN.tasks());
    if (!OpenRounds.open(PLAN, runtime, tasks, management, keys)) {
      System.out.printf("%nrounds of %s already open: measuring them%n", PLAN.id());
    }
    ClockUtil.setCurrentTime(NOW);
  }

  @AfterAll
  void report() {
    ClockUtil.reset();
    System.out.println();
    System.out.println(
        "== oversight benchmark on PostgreSQL "
            + (System.getProperty("duban.bench.jdbc-url") != null
                ? System.getProperty("duban.bench.jdbc-url")
                : PostgresServer.shared().origin()));
    results.forEach(System.out::println);
    System.out.println();
  }

  /** The supervisors' views as the office of the plan and as an auditor, called as Java. */
  @Test
  void viewsAsTheOfficeAndTheAuditor() throws Exception {
    for (String user : List.of(BenchPlan.OFFICE, DemoData.AUDITOR)) {
      String who = user.equals(BenchPlan.OFFICE) ? "office" : "auditor";
      asUser(
          user,
          () -> {
            results.add(
                Timing.measure(
                    "oversight: board of one year (" + who + ")",
                    WARM_UP,
                    RUNS,
                    () -> views.board(PLAN.id(), PLAN.fromYear()).tasks()));
            results.add(
                Timing.measure(
                    "oversight: whole overdue ledger (" + who + ")",
                    WARM_UP,
                    RUNS,
                    () -> views.overdue(OverdueFilter.all())));
            results.add(
                Timing.measure(
                    "oversight: ledger of one plan, year and unit (" + who + ")",
                    WARM_UP,
                    RUNS,
                    () ->
                        views.overdue(
                            new OverdueFilter(
                                PLAN.id(), PLAN.fromYear(), PLAN.coUnit(1), null, null))));
            results.add(
                Timing.measure(
                    "oversight: notice register of one year (" + who + ")",
                    WARM_UP,
                    RUNS,
                    () ->
                        views.notices(
                            new NoticeFilter(PLAN.id(), PLAN.fromYear(), null, null, null))));
            return null;
          });
    }
  }

  /** The same views as the Cockpit plugin fetches them: HTTP Basic, JSON, and the Excel export. */
  @Test
  void viewsOverHttpAsTheOffice() throws Exception {
    DemoHttp demo = new DemoHttp(http);
    String board = "/api/oversight/board?plan=" + PLAN.id() + "&year=" + PLAN.fromYear();
    for (String[] call :
        new String[][] {
          {"api: GET board of one year (office)", board},
          {"api: GET whole overdue ledger (office)", "/api/oversight/overdue"},
          {"api: GET overdue ledger as .xlsx (office)", "/api/oversight/overdue?format=xlsx"}
        }) {
      results.add(
          Timing.measure(
              call[0],
              WARM_UP,
              RUNS,
              () -> {
                var answer = demo.exchange(BenchPlan.OFFICE, HttpMethod.GET, call[1], null);
                assertThat(answer.getStatusCode().value()).as(call[1]).isEqualTo(200);
                return answer.getBody() == null
                    ? 0 + " chars"
                    : answer.getBody().length() + " chars";
              }));
    }
  }

  @Test
  void engineTaskQueriesAsTheOffice() throws Exception {
    asUser(
        BenchPlan.OFFICE,
        () -> {
          results.add(
              Timing.measure(
                  "engine: count open tasks (office, authorized)",
                  1,
                  3,
                  () -> tasks.createTaskQuery().count()));
          results.add(
              Timing.measure(
                  "engine: overdue page of 100 by due date (office)",
                  WARM_UP,
                  RUNS,
                  () ->
                      tasks
                          .createTaskQuery()
                          .dueBefore(NOW)
                          .orderByDueDate()
                          .asc()
                          .listPage(0, 100)));
          results.add(
              Timing.measure(
                  "engine: historic unfinished overdue tasks (office)",
                  WARM_UP,
                  RUNS,
                  () ->
                      history
                          .createHistoricTaskInstanceQuery()
                          .unfinished()
                          .taskDueBefore(NOW)
                          .list()));
          String[] keys =
              repository.createProcessDefinitionQuery().latestVersion().list().stream()
                  .map(ProcessDefinition::getKey)
                  .filter(key -> key.startsWith(PLAN.id() + "_"))
                  .toArray(String[]::new);
          results.add(
              Timing.measure(
                  "engine: overdue tasks of authorized definitions, no row check",
                  WARM_UP,
                  RUNS,
                  () ->
                      commands.execute(
                          context -> {
                            context.disableAuthorizationCheck();
                            return tasks
                                .createTaskQuery()
                                .processDefinitionKeyIn(keys)
                                .dueBefore(NOW)
                                .list();
                          })));
          results.add(
              Timing.measure(
                  "engine: count overdue (office)",
                  WARM_UP,
                  RUNS,
                  () -> tasks.createTaskQuery().dueBefore(NOW).count()));
          return null;
        });
  }

  private void asUser(String user, java.util.concurrent.Callable<?> call) throws Exception {
    List<String> groups =
        identity.createGroupQuery().groupMember(user).list().stream()
            .map(org.camunda.bpm.engine.identity.Group::getId)
            .toList();
    identity.setAuthentication(user, groups);
    try {
      call.call();
    } finally {
      identity.clearAuthentication();
    }
  }
}
