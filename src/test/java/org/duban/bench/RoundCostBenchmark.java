package org.duban.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundElements;
import org.duban.names.RoundVariables;
import org.duban.round.RoundFixture;
import org.duban.testsupport.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a round costs beside the bare engine: the project's round end to end (eight co-units report
 * with evidence, the lead reports, the office accepts) against a bare process of the same shape
 * (start → parallel multi-instance user task over the same eight units → lead task → end, completed
 * with the same report variables), interleaved one for one after warm-up, in one JVM and one
 * engine, beside a backlog of open rounds. Prints rounds/s, CPU ms per round of the JVM and of the
 * PostgreSQL backends, SQL statements and history rows per round, and the ratios. Run with {@code
 * bench/rounds.sh} (H2 file database) or {@code bench/rounds.sh postgres} (a throwaway durable
 * PostgreSQL, fsync on). Not part of the suite.
 */
@SpringBootTest(
    properties = {"camunda.bpm.job-execution.enabled=false", "logging.level.org.duban=warn"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundCostBenchmark {

  static final BenchPlan PLAN = new BenchPlan("bench-rounds", 20, 8, 2001, 2030);
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final boolean POSTGRES = "postgres".equals(System.getProperty("duban.bench.database"));
  static final int BACKLOG = Integer.getInteger("duban.bench.backlog", 320);
  static final int WARM_UP = Integer.getInteger("duban.bench.warm-up", 20);
  static final int RUNS = Integer.getInteger("duban.bench.runs", 100);
  static final int COUNTED = 5;

  /** The office's rating: EXCELLENT commends all nine units, nine notices more per round. */
  static final String RATING = System.getProperty("duban.bench.rating", "GOOD");

  static final String BARE = "bench_bare_round";

  /** The database of this run: its backends name it in their command line. */
  static final String DATABASE = "rounds_" + UUID.randomUUID().toString().replace("-", "");

  /** MyBatis logs each statement it prepares at DEBUG under its mapper's namespace. */
  static final String MAPPERS = "org.camunda.bpm.engine.impl.persistence.entity";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;

  final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  final List<String> roundKeys = new ArrayList<>();
  final List<String> units = IntStream.rangeClosed(1, 8).mapToObj(PLAN::coUnit).toList();
  int nextSlot;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    BenchDatabase.register(registry, PLAN, "bench-round-catalogs", POSTGRES, DATABASE);
  }

  @BeforeAll
  void deployBareAndOpenBacklog() {
    BpmnModelInstance bare =
        Bpmn.createExecutableProcess(BARE)
            .camundaHistoryTimeToLive(3650)
            .startEvent("bare_start")
            .userTask("bare_report")
            .camundaCandidateGroups("${unit}")
            .multiInstance()
            .parallel()
            .camundaCollection("${units}")
            .camundaElementVariable("unit")
            .multiInstanceDone()
            .userTask("bare_lead")
            .camundaCandidateGroups("${lead}")
            .endEvent("bare_end")
            .done();
    repository.createDeployment().addModelInstance(BARE + ".bpmn", bare).deploy();
    for (int t = 1; t <= PLAN.tasks(); t++) {
      roundKeys.add(ProcessKeys.round(PLAN.id(), "一." + t));
    }
    ClockUtil.setCurrentTime(at(2001, 1, 2));
    for (int i = 0; i < BACKLOG; i++) {
      Slot slot = nextSlot();
      runtime.startProcessInstanceByKey(slot.key(), Map.of(RoundVariables.YEAR, slot.year()));
    }
  }

  @AfterAll
  void reset() {
    ClockUtil.reset();
  }

  record Slot(String key, int year) {}

  /** Each round needs a task and year of its own: the engine refuses a second round of both. */
  Slot nextSlot() {
    int slot = nextSlot++;
    return new Slot(
        roundKeys.get(slot % roundKeys.size()), PLAN.fromYear() + slot / roundKeys.size());
  }

  @Test
  void roundAgainstBareProcess() throws Exception {
    for (int i = 0; i < WARM_UP; i++) {
      round();
      bare();
    }
    Cost roundCost = new Cost();
    Cost bareCost = new Cost();
    for (int i = 0; i < RUNS; i++) {
      roundCost.measure(this::round);
      bareCost.measure(this::bare);
    }
    long roundStatements = 0;
    long bareStatements = 0;
    long roundRows = 0;
    long bareRows = 0;
    for (int i = 0; i < COUNTED; i++) {
      long before = historyRows();
      roundStatements += statements(this::round);
      roundRows += historyRows() - before;
      before = historyRows();
      bareStatements += statements(this::bare);
      bareRows += historyRows() - before;
    }
    Map<String, Long> roundTables = historyRowsByTable();
    Map<String, Long> byStatement = new java.util.TreeMap<>();
    statements(this::round, byStatement);
    Map<String, Long> afterRound = historyRowsByTable();
    String variables = detailRowsByVariable(10);
    String lastRound =
        jdbc.queryForObject(
            "select ID_ from ACT_HI_PROCINST where PROC_DEF_KEY_ <> ? and END_TIME_ is not null"
                + " order by END_TIME_ desc, START_TIME_ desc limit 1",
            String.class,
            BARE);
    String roundVariables =
        String.join(
            ", ",
            jdbc.query(
                "select NAME_, count(*) N from ACT_HI_VARINST where ROOT_PROC_INST_ID_ = ?"
                    + " group by NAME_ order by N desc, NAME_",
                (row, n) -> row.getString(1) + " " + row.getLong(2),
                lastRound));
    String db = POSTGRES ? "PostgreSQL " + PostgresServer.shared().origin() : "H2 (file)";
    System.out.printf(
        "%n== round cost on %s, %d open rounds in backlog, %d + %d interleaved runs, rating %s%n",
        db, BACKLOG, RUNS, RUNS, RATING);
    System.out.println(
        roundCost.line("rounds: the project's round", COUNTED, roundStatements, roundRows));
    System.out.println(bareCost.line("rounds: bare baseline", COUNTED, bareStatements, bareRows));
    System.out.printf(
        "rounds: ratio  CPU JVM %.2f×   CPU JVM+PostgreSQL %.2f×   statements %.2f×   history rows %.2f×%n%n",
        roundCost.jvmMs() / bareCost.jvmMs(),
        (roundCost.jvmMs() + roundCost.dbMs()) / (bareCost.jvmMs() + bareCost.dbMs()),
        (double) roundStatements / bareStatements,
        (double) roundRows / bareRows);
    StringBuilder tables = new StringBuilder();
    afterRound.forEach(
        (table, rows) -> {
          long added = rows - roundTables.getOrDefault(table, 0L);
          if (added > 0) {
            tables.append(' ').append(table).append(' ').append(added);
          }
        });
    System.out.println("rounds: history rows of one round by table:" + tables);
    System.out.println(
        "rounds: statements of one round, most frequent: "
            + byStatement.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(15)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", ")));
    System.out.println(
        "rounds: variable history (ACT_HI_DETAIL) of all rounds, top names: " + variables);
    System.out.println("rounds: variables of the last round (ACT_HI_VARINST): " + roundVariables);
    System.out.println();
  }

  Map<String, Long> historyRowsByTable() {
    Map<String, Long> rows = new java.util.TreeMap<>();
    for (String table : historyTables()) {
      rows.put(
          table.toUpperCase(), jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    return rows;
  }

  String detailRowsByVariable(int top) {
    return String.join(
        ", ",
        jdbc
            .query(
                "select NAME_, count(*) N from ACT_HI_DETAIL group by NAME_ order by N desc",
                (row, n) -> row.getString(1) + " " + row.getLong(2))
            .stream()
            .limit(top)
            .toList());
  }

  /** One round of the synthetic plan, from its start to the office's acceptance. */
  void round() {
    Slot slot = nextSlot();
    ClockUtil.setCurrentTime(at(slot.year(), 1, 2));
    ProcessInstance round =
        runtime.startProcessInstanceByKey(slot.key(), Map.of(RoundVariables.YEAR, slot.year()));
    runContinuations(round);
    ClockUtil.setCurrentTime(at(slot.year(), 11, 20));
    for (Task task :
        tasks
            .createTaskQuery()
            .processInstanceId(round.getId())
            .taskDefinitionKey(RoundElements.reportTask(RoundElements.CO_UNIT))
            .list()) {
      tasks.claim(task.getId(), "bench-handler");
      tasks.complete(task.getId(), report());
    }
    runContinuations(round);
    Task lead =
        tasks
            .createTaskQuery()
            .processInstanceId(round.getId())
            .taskDefinitionKey(RoundElements.reportTask(RoundElements.LEAD))
            .singleResult();
    tasks.claim(lead.getId(), "bench-handler");
    tasks.complete(lead.getId(), report());
    runContinuations(round);
    Task review =
        tasks
            .createTaskQuery()
            .processInstanceId(round.getId())
            .taskDefinitionKey(RoundElements.REVIEW)
            .singleResult();
    Map<String, Object> decision = new HashMap<>();
    decision.put(RoundVariables.REVIEW_DECISION, "ACCEPT");
    decision.put(RoundVariables.REVIEW_RATING, RATING);
    decision.put(RoundVariables.RETURN_REASON, null);
    forms.submitTaskForm(review.getId(), decision);
    runContinuations(round);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(round.getId()).count())
        .as("the round ended")
        .isZero();
  }

  /** The bare process of the same shape, completed with the same report variables. */
  void bare() {
    ProcessInstance bare =
        runtime.startProcessInstanceByKey(BARE, Map.of("units", units, "lead", PLAN.coUnit(0)));
    for (Task task :
        tasks
            .createTaskQuery()
            .processInstanceId(bare.getId())
            .taskDefinitionKey("bare_report")
            .list()) {
      tasks.claim(task.getId(), "bench-handler");
      tasks.complete(task.getId(), report());
    }
    Task lead = tasks.createTaskQuery().processInstanceId(bare.getId()).singleResult();
    tasks.claim(lead.getId(), "bench-handler");
    tasks.complete(lead.getId(), report());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(bare.getId()).count())
        .isZero();
  }

  private Map<String, Object> report() {
    Map<String, Object> vars = new HashMap<>();
    vars.put(RoundVariables.PROGRESS, "本年度工作进展:按计划推进,完成既定目标。");
    vars.put(RoundVariables.COMPLETION_STATUS, "ON_TRACK");
    vars.put(RoundVariables.evidence(1), RoundFixture.pdf("工作总结.pdf"));
    return vars;
  }

  /** Runs the instance's asynchronous continuations (never its timers: they are not due). */
  private void runContinuations(ProcessInstance instance) {
    for (int pass = 0; pass < 100; pass++) {
      List<Job> due =
          management
              .createJobQuery()
              .processInstanceId(instance.getId())
              .messages()
              .executable()
              .list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("continuations of " + instance.getId() + " still due");
  }

  /** Wall time, the JVM thread's CPU and the PostgreSQL backends' CPU of many calls. */
  final class Cost {
    int runs;
    long wallNanos;
    long jvmNanos;
    long dbTicks;

    void measure(Runnable call) {
      long db = POSTGRES ? postgresTicks() : 0;
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      call.run();
      wallNanos += System.nanoTime() - wall;
      jvmNanos += threads.getCurrentThreadCpuTime() - cpu;
      if (POSTGRES) {
        dbTicks += postgresTicks() - db;
      }
      runs++;
    }

    double jvmMs() {
      return jvmNanos / 1e6 / runs;
    }

    /** Clock ticks are 10 ms on Linux (USER_HZ 100). */
    double dbMs() {
      return dbTicks * 10.0 / runs;
    }

    String line(String name, int counted, long statements, long rows) {
      return String.format(
          "%-30s %6.1f rounds/s   CPU ms/round JVM %6.1f  PostgreSQL %6s   statements/round %6.0f"
              + "   history rows/round %5.0f",
          name,
          runs / (wallNanos / 1e9),
          jvmMs(),
          POSTGRES ? String.format("%.1f", dbMs()) : "-",
          (double) statements / counted,
          (double) rows / counted);
    }
  }

  /**
   * User and system CPU ticks of the PostgreSQL backends serving this run's database (/proc): their
   * command line names it ("postgres: postgres rounds_… 127.0.0.1(…) idle").
   */
  static long postgresTicks() {
    long ticks = 0;
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path process :
          processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String stat = Files.readString(process.resolve("stat"));
          int name = stat.indexOf('(');
          int end = stat.lastIndexOf(')');
          if (name < 0 || end < 0 || !stat.substring(name + 1, end).startsWith("postgres")) {
            continue;
          }
          String command = Files.readString(process.resolve("cmdline"));
          if (!command.contains(DATABASE)) {
            continue;
          }
          String[] fields = stat.substring(end + 2).split(" ");
          // fields after the name start at field 3 (state): utime is field 14, stime field 15
          ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
          // the process ended meanwhile
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc", e);
    }
    return ticks;
  }

  /** Rows in all of the engine's history tables. */
  long historyRows() {
    long rows = 0;
    for (String table : historyTables()) {
      Long count = jdbc.queryForObject("select count(*) from " + table, Long.class);
      rows += count == null ? 0 : count;
    }
    return rows;
  }

  List<String> historyTables;

  List<String> historyTables() {
    if (historyTables == null) {
      historyTables =
          jdbc.queryForList(
              "select table_name from information_schema.tables where upper(table_name) like"
                  + " 'ACT\\_HI\\_%' escape '\\'",
              String.class);
    }
    return historyTables;
  }

  /** The SQL statements one call prepares. */
  long statements(Runnable call) {
    return statements(call, new HashMap<>());
  }

  /** The same, counted per MyBatis statement into {@code byStatement}. */
  long statements(Runnable call, Map<String, Long> byStatement) {
    Logger mappers = (Logger) LoggerFactory.getLogger(MAPPERS);
    Level before = mappers.getLevel();
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    mappers.addAppender(log);
    mappers.setLevel(Level.DEBUG);
    // counted, not printed
    mappers.setAdditive(false);
    try {
      call.run();
    } finally {
      mappers.setAdditive(true);
      mappers.setLevel(before);
      mappers.detachAppender(log);
    }
    List<ILoggingEvent> prepared =
        log.list.stream()
            .filter(e -> e.getFormattedMessage().startsWith("==>  Preparing"))
            .toList();
    prepared.forEach(
        e -> byStatement.merge(e.getLoggerName().replace(MAPPERS + ".", ""), 1L, Long::sum));
    return prepared.size();
  }

  static Date at(int year, int month, int day) {
    return Date.from(LocalDateTime.of(year, month, day, 10, 0).atZone(ZONE).toInstant());
  }
}
