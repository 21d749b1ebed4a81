package org.duban.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.duban.audit.RoundDossier;
import org.duban.audit.RoundFilter;
import org.duban.audit.RoundHistory;
import org.duban.audit.RoundSearch;
import org.duban.audit.RoundSummary;
import org.duban.catalog.ReportPeriod;
import org.duban.demo.DemoData;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundElements;
import org.duban.names.RoundVariables;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Supervisors' and auditors' queries with years of history, on PostgreSQL: 100,000 finished rounds
 * (13 plans of 200 tasks, the most a catalog may list, ten years, four quarters each; a few real
 * rounds worked through the engine, the rest copied from them in SQL by {@link HistoryClones})
 * beside the open rounds of {@link OversightBenchmark} (10,800 open unit tasks). Times the
 * dashboard, the ledger, the register, the audit search and one round's audit view as the office
 * and as the auditor. Not part of the test suite; run it with {@code bench/history.sh}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "logging.level.org.duban=warn",
      "spring.datasource.hikari.maximum-pool-size=8"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryBenchmark {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final int ROUNDS = Integer.getInteger("duban.bench.history-rounds", 100_000);
  static final int WARM_UP = Integer.getInteger("duban.bench.warm-up", 10);
  static final int RUNS = Integer.getInteger("duban.bench.runs", 30);

  /** Rounds per page, as the 审计 page asks for them. */
  static final int PAGE = 50;

  static final List<BenchPlan> HISTORY = new ArrayList<>();

  static {
    for (int p = 1; p <= 13; p++) {
      HISTORY.add(
          new BenchPlan(
              "hist" + p + "-2016",
              200,
              4,
              2016,
              2025,
              "hist" + p + "-ban",
              "hist" + p + "-danwei",
              "历史" + p + "单位"));
    }
  }

  static final BenchPlan SEED_PLAN = HISTORY.get(0);
  static final String OFFICE = HISTORY.get(2).office();

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired OversightQueries views;
  @Autowired RoundSearch search;
  @Autowired org.duban.catalog.PlanCatalogs catalogs;
  @Autowired RoundHistory rounds;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;

  final List<Timing.Result> results = new ArrayList<>();
  List<HistoryClones.Seed> seeds;
  String clonedRound;
  String clonedKey;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    List<BenchPlan> plans = new java.util.ArrayList<>(List.of(OversightBenchmark.PLAN));
    plans.addAll(HISTORY);
    BenchDatabase.register(
        registry,
        plans,
        "bench-history-catalogs",
        true,
        "history_bench",
        System.getProperty("duban.bench.jdbc-url"));
  }

  @BeforeAll
  void load() throws Exception {
    seeds =
        List.of(
            new HistoryClones.Seed(
                ProcessKeys.businessKey(SEED_PLAN.id(), "一.1", 2016), SEED_PLAN.id(), "一.1", 2016),
            new HistoryClones.Seed(
                ProcessKeys.businessKey(SEED_PLAN.id(), "一.2", 2016), SEED_PLAN.id(), "一.2", 2016));
    long start = System.nanoTime();
    if (history
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(seeds.get(0).businessKey())
            .count()
        == 0) {
      work(seeds.get(0), false);
      work(seeds.get(1), true);
      System.out.printf(
          "%nworked %d seed rounds in %.1f s%n", 2, (System.nanoTime() - start) / 1e9);
      for (HistoryClones.Seed seed : seeds) {
        System.out.println(
            "seed "
                + seed.businessKey()
                + ": "
                + jdbc.queryForList(
                    "select proc_def_key_, end_time_ is not null as ended from act_hi_procinst"
                        + " where business_key_ = ?",
                    seed.businessKey()));
      }
    }
    HistoryClones clones = new HistoryClones(jdbc, HISTORY);
    long have = clones.loaded();
    if (have < ROUNDS) {
      long copyStart = System.nanoTime();
      long rows = clones.copy(seeds, clones.plan(ROUNDS, seeds));
      System.out.printf(
          "cloned %,d rounds (%,d history rows) in %.1f s%n",
          ROUNDS, rows, (System.nanoTime() - copyStart) / 1e9);
    } else {
      System.out.printf("%n%,d finished rounds already there: measuring them%n", have);
    }
    long openStart = System.nanoTime();
    OpenRounds.open(OversightBenchmark.PLAN, runtime, tasks, management, repositoryKeys());
    System.out.printf("open rounds ready in %.1f s%n", (System.nanoTime() - openStart) / 1e9);
    ClockUtil.setCurrentTime(OversightBenchmark.NOW);
    // a copied round of the third plan, of a year in the middle
    Map<String, Object> clone =
        jdbc.queryForMap(
            "select id_, business_key_ from act_hi_procinst where proc_def_key_ like ? and"
                + " length(id_) > 36 order by abs(extract(year from start_time_) - 2020), id_ limit 1",
            HISTORY.get(2).id() + "\\_1-%");
    clonedRound = (String) clone.get("id_");
    clonedKey = (String) clone.get("business_key_");
    System.out.printf(
        "%,d historic process instances, %,d open tasks; loaded in %.1f s%n",
        jdbc.queryForObject("select count(*) from act_hi_procinst", Long.class),
        jdbc.queryForObject("select count(*) from act_ru_task", Long.class),
        (System.nanoTime() - start) / 1e9);
  }

  private List<String> repositoryKeys() {
    return jdbc.queryForList(
        "select distinct key_ from act_re_procdef where key_ like ?",
        String.class,
        OversightBenchmark.PLAN.id() + "\\_1-%");
  }

  @AfterAll
  void report() {
    ClockUtil.reset();
    System.out.println();
    System.out.println(
        "== history benchmark on PostgreSQL "
            + (System.getProperty("duban.bench.jdbc-url") != null
                ? System.getProperty("duban.bench.jdbc-url")
                : PostgresServer.shared().origin()));
    results.forEach(System.out::println);
    System.out.println();
  }

  /** A cloned round reads as its seed: same steps, reports and evidence. */
  @Test
  void aClonedRoundOpensInTheAuditView() throws Exception {
    asUser(
        DemoData.AUDITOR,
        () -> {
          RoundDossier clone = rounds.of(clonedRound).orElseThrow();
          assertThat(clone.round().businessKey())
              .isEqualTo(
                  ProcessKeys.businessKey(HISTORY.get(2).id(), "一.17", 2019, ReportPeriod.Q2));
          assertThat(clone.round().leadUnit()).isEqualTo(HISTORY.get(2).coUnit(0));
          assertThat(clone.round().endTime())
              .startsWith(String.valueOf(ProcessKeys.yearOf(clonedKey)));
          String seedId =
              jdbc.queryForObject(
                  "select id_ from act_hi_procinst where business_key_ = ? and proc_def_key_ = ?",
                  String.class,
                  seeds.get(0).businessKey(),
                  ProcessKeys.round(SEED_PLAN.id(), "一.1"));
          RoundDossier seed = rounds.of(seedId).orElseThrow();
          assertThat(clone.steps()).isNotEmpty();
          assertThat(clone.reports()).isNotEmpty();
          assertThat(clone.evidence()).isNotEmpty();
          System.out.printf(
              "cloned round %s: %d steps, %d reports, %d files, %d notices (seed: %d, %d, %d, %d)%n",
              clone.round().businessKey(),
              clone.steps().size(),
              clone.reports().size(),
              clone.evidence().size(),
              clone.notices().size(),
              seed.steps().size(),
              seed.reports().size(),
              seed.evidence().size(),
              seed.notices().size());
          assertThat(clone.steps()).hasSameSizeAs(seed.steps());
          return null;
        });
  }

  @Test
  void viewsAndSearchAsTheOfficeAndTheAuditor() throws Exception {
    BenchPlan hist = HISTORY.get(2);
    BenchPlan open = OversightBenchmark.PLAN;
    for (String user : List.of(BenchPlan.OFFICE, OFFICE, DemoData.AUDITOR)) {
      String who =
          user.equals(DemoData.AUDITOR)
              ? "auditor"
              : user.equals(OFFICE) ? "office of " + hist.id() : "office of " + open.id();
      asUser(
          user,
          () -> {
            if (!user.equals(OFFICE)) {
              time(
                  "oversight: board of one year (" + who + ")",
                  () -> views.board(open.id(), 2001).tasks());
              time(
                  "oversight: whole overdue ledger (" + who + ")",
                  () -> views.overdue(OverdueFilter.all()));
              time(
                  "oversight: notice register of one year (" + who + ")",
                  () -> views.notices(new NoticeFilter(open.id(), 2001, null, null, null)));
            }
            if (!user.equals(BenchPlan.OFFICE)) {
              EngineRoundSearch before = new EngineRoundSearch(history, catalogs);
              time("audit before: no filter (" + who + ")", () -> before.find(null, null, null));
              time("audit before: plan (" + who + ")", () -> before.find(hist.id(), null, null));
              time(
                  "audit before: plan, year 2016, unit (" + who + ")",
                  () -> before.find(hist.id(), 2016, hist.coUnit(3)));
              time(
                  "audit before: unit (" + who + ")",
                  () -> before.find(null, null, hist.coUnit(2)));
              time(
                  "audit: no filter, first page (" + who + ")",
                  () -> find(null, null, null, null, 0));
              time(
                  "audit: no filter, page at 20,000 (" + who + ")",
                  () -> nonEmpty(find(null, null, null, null, 20_000)));
              time(
                  "audit: plan, first page (" + who + ")",
                  () -> find(hist.id(), null, null, null, 0));
              time(
                  "audit: plan, page at 5,000 (" + who + ")",
                  () -> nonEmpty(find(hist.id(), null, null, null, 5_000)));
              time(
                  "audit: plan and year 2017 (" + who + ")",
                  () -> nonEmpty(find(hist.id(), null, 2017, null, 0)));
              time(
                  "audit: plan, year 2016, unit (" + who + ")",
                  () -> nonEmpty(find(hist.id(), null, 2016, hist.coUnit(3), 0)));
              time(
                  "audit: unit, first page (" + who + ")",
                  () -> nonEmpty(find(null, null, null, hist.coUnit(2), 0)));
              time(
                  "audit: unit, page at 5,000 (" + who + ")",
                  () -> nonEmpty(find(null, null, null, hist.coUnit(2), 5_000)));
              time(
                  "audit: year 2016, first page (" + who + ")",
                  () -> nonEmpty(find(null, null, 2016, null, 0)));
              time(
                  "audit: key text plan/task (" + who + ")",
                  () ->
                      nonEmpty(
                          search.find(
                              new RoundFilter(
                                  null,
                                  null,
                                  null,
                                  null,
                                  null,
                                  null,
                                  clonedKey.substring(0, clonedKey.lastIndexOf('/') + 1)),
                              0,
                              PAGE)));
              time(
                  "audit: one round's view (" + who + ")",
                  () -> rounds.of(clonedRound).orElseThrow().steps());
            }
            return null;
          });
    }
  }

  @Test
  void auditOverHttp() throws Exception {
    DemoHttp demo = new DemoHttp(http);
    BenchPlan hist = HISTORY.get(2);
    for (String[] call :
        new String[][] {
          {
            "api: GET audit rounds of a plan (auditor)",
            "/api/audit/rounds?max=50&plan=" + hist.id()
          },
          {
            "api: GET audit rounds of plan, year, unit (auditor)",
            "/api/audit/rounds?max=50&plan=" + hist.id() + "&year=2016&unit=" + hist.coUnit(3)
          },
          {"api: GET one round (auditor)", "/api/audit/rounds/" + clonedRound},
          {
            "api: GET one round's dossier as pdf (auditor)",
            "/api/audit/rounds/" + clonedRound + "/dossier?format=pdf"
          }
        }) {
      time(
          call[0],
          () -> {
            var answer = demo.exchange(DemoData.AUDITOR, HttpMethod.GET, call[1], null);
            assertThat(answer.getStatusCode().value()).as(call[1]).isEqualTo(200);
            return answer.getBody() == null ? "0 chars" : answer.getBody().length() + " chars";
          });
    }
  }

  private List<RoundSummary> find(String plan, String task, Integer year, String unit, int first) {
    return search.find(new RoundFilter(plan, task, year, unit, null, null, null), first, PAGE);
  }

  private static <T extends java.util.Collection<?>> T nonEmpty(T found) {
    assertThat(found).isNotEmpty();
    return found;
  }

  private void time(String name, Callable<?> call) throws Exception {
    results.add(Timing.measure(name, WARM_UP, RUNS, call));
  }

  /**
   * Works one seed round to its end as people would: every unit reports with a PDF (one co-unit
   * late with {@code late}, so the ladder's first rungs fire), the office returns the lead's report
   * once ({@code late}) and accepts it rated 优秀 (commendations and their deliveries).
   */
  private void work(HistoryClones.Seed seed, boolean late) {
    int year = seed.year();
    String key = ProcessKeys.round(seed.planId(), seed.taskNumber());
    ClockUtil.setCurrentTime(at(year, 1, 2));
    ProcessInstance round =
        runtime.startProcessInstanceByKey(key, Map.of(RoundVariables.YEAR, year));
    runJobs();
    ClockUtil.setCurrentTime(at(year, 11, 20));
    String lateUnit = SEED_PLAN.coUnit(SEED_PLAN.coUnitsPerTask());
    boolean returned = false;
    for (int step = 0; step < 40; step++) {
      List<Task> open = tasks.createTaskQuery().processInstanceId(round.getId()).list();
      if (open.isEmpty()) {
        break;
      }
      for (Task task : open) {
        if (task.getTaskDefinitionKey().equals(RoundElements.REVIEW)) {
          ClockUtil.setCurrentTime(at(year, 12, returned || !late ? 12 : 10));
          identity.setAuthentication(SEED_PLAN.office(), List.of(SEED_PLAN.office()));
          Map<String, Object> form = new HashMap<>();
          if (late && !returned) {
            form.put(RoundVariables.REVIEW_DECISION, "RETURN");
            form.put(RoundVariables.RETURN_REASON, "请补充统计数据");
            returned = true;
          } else {
            form.put(RoundVariables.REVIEW_DECISION, "ACCEPT");
            form.put(RoundVariables.REVIEW_RATING, "EXCELLENT");
          }
          forms.submitTaskForm(task.getId(), form);
          identity.clearAuthentication();
          continue;
        }
        String unit =
            tasks.getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId)
                .filter(g -> g != null)
                .findFirst()
                .orElse("nobody");
        if (late && unit.equals(lateUnit) && ClockUtil.getCurrentTime().before(at(year, 12, 8))) {
          continue;
        }
        tasks.claim(task.getId(), unit + "-handler");
        Map<String, Object> report = new HashMap<>();
        report.put(RoundVariables.PROGRESS, unit + " 本年度工作进展");
        report.put(RoundVariables.COMPLETION_STATUS, "ON_TRACK");
        report.put(
            RoundVariables.evidence(1),
            Variables.fileValue("工作总结.pdf")
                .file(
                    "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .mimeType("application/pdf")
                .create());
        tasks.complete(task.getId(), report);
      }
      runJobs();
      if (late && ClockUtil.getCurrentTime().before(at(year, 12, 8))) {
        // the late co-unit's due day (12-05) passes: the ladder's reminder and overdue notice
        ClockUtil.setCurrentTime(at(year, 12, 8));
        runJobs();
      }
    }
    ClockUtil.setCurrentTime(at(year, 12, 20));
    runJobs();
    // notices waiting for a receipt or a decision: every one is taken, as the office would
    for (int step = 0; step < 10; step++) {
      List<Task> open =
          tasks.createTaskQuery().processInstanceBusinessKey(seed.businessKey()).list();
      if (open.isEmpty()) {
        break;
      }
      for (Task task : open) {
        tasks.complete(task.getId());
      }
      runJobs();
    }
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(seed.businessKey())
                .count())
        .as("everything of seed %s ended", seed.businessKey())
        .isZero();
  }

  private void runJobs() {
    for (int pass = 0; pass < 100; pass++) {
      List<Job> due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (org.camunda.bpm.engine.OptimisticLockingException e) {
          // the next pass
        }
      }
    }
  }

  private static Date at(int year, int month, int day) {
    return Date.from(LocalDateTime.of(year, month, day, 9, 0).atZone(ZONE).toInstant());
  }

  private void asUser(String user, Callable<?> call) throws Exception {
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
