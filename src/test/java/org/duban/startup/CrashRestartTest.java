package org.duban.startup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.DubanApplication;
import org.duban.catalog.PlanCatalogs;
import org.duban.catalog.TaskEntry;
import org.duban.evidence.EvidencePolicy;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundElements;
import org.duban.names.RoundVariables;
import org.duban.testsupport.PostgresServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node killed with SIGKILL in the middle of the year-end wave and of a burst of submissions with
 * evidence, on a durable PostgreSQL, then started again: nothing acknowledged is lost, nothing is
 * recorded twice, the jobs the dead node held are taken over once their locks expire, and every
 * rung reaches every unit that never reported exactly once. The node is a JVM of its own ({@code
 * java -cp <the test classpath> org.duban.DubanApplication}), so the kill is a real one.
 */
class CrashRestartTest {

  static final String PLAN = "wuzhong-2022";
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final String CO_UNIT_TASK = RoundElements.reportTask(RoundElements.CO_UNIT);
  static final List<String> RUNGS =
      List.of("REMINDER", "OVERDUE", "CRITICISM", "SECOND_CRITICISM", "INTERVIEW");

  final ObjectMapper json = new ObjectMapper();
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** What a client was told about a submission. */
  enum Answer {
    ACKNOWLEDGED,
    REFUSED,
    UNKNOWN
  }

  record Submission(String taskId, String unit, String roundId, String sha256) {}

  @Test
  void aNodeKilledMidWaveAndMidBurstLosesAndDuplicatesNothing() throws Exception {
    String database = "crash_" + UUID.randomUUID().toString().replace("-", "");
    String url = PostgresServer.shared().jdbcUrl(database);
    List<String> rounds = seedOverdueRounds(url);

    List<Submission> burst = coUnitTasks(url, rounds);
    assertThat(burst).as("open co-unit tasks of the seeded rounds").hasSizeGreaterThan(40);
    // half the units report; the other half never do and get the whole ladder
    List<Submission> reporting = burst.subList(0, burst.size() / 2);
    Map<String, Answer> answers = new ConcurrentHashMap<>();

    int port = freePort();
    String killedAfter;
    Process node = startNode(url, port, "node-1");
    try {
      awaitUp(node, port);
      // the wave runs from start-up; once it is under way the burst begins beside it, and the node
      // is killed with both in full swing
      long started = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (successfulJobs(url) < 30 && System.nanoTime() < started) {
        Thread.sleep(100);
      }
      AtomicInteger acknowledged = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(4);
      for (Submission s : reporting) {
        clients.submit(
            () -> {
              Answer a = submit(port, s);
              answers.put(s.taskId(), a);
              if (a == Answer.ACKNOWLEDGED) {
                acknowledged.incrementAndGet();
              }
            });
      }
      long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      // mid-wave and mid-burst: some reports in, some rungs run, most of both still to come
      while (acknowledged.get() < reporting.size() / 3 && System.nanoTime() < until) {
        Thread.sleep(100);
      }
      assertThat(acknowledged.get())
          .as("submissions before the kill: some, not all")
          .isPositive()
          .isLessThan(reporting.size());
      killedAfter =
          acknowledged.get() + " reports acknowledged, " + successfulJobs(url) + " jobs done";
      node.destroyForcibly(); // SIGKILL: no shutdown hook, no pool closed, locks left held
      node.waitFor(30, TimeUnit.SECONDS);
      clients.shutdown();
      clients.awaitTermination(2, TimeUnit.MINUTES);
    } finally {
      node.destroyForcibly();
    }
    assertThat(heldLocks(url)).as("jobs the dead node still held").isPositive();

    Process restarted = startNode(url, port, "node-2");
    try {
      awaitUp(restarted, port);
      // the clients try again what they were not told was done, while the task is still open: a
      // report committed just before the kill has closed it, and must not be filed again
      for (Submission s : reporting) {
        for (int attempt = 0;
            attempt < 5 && answers.get(s.taskId()) != Answer.ACKNOWLEDGED && isOpen(url, s);
            attempt++) {
          answers.put(s.taskId(), submit(port, s));
        }
      }
      awaitDrained(url, restarted);
    } finally {
      restarted.destroy();
      restarted.waitFor(60, TimeUnit.SECONDS);
    }

    try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
      assertThat(count(db, "select count(*) from ACT_RU_INCIDENT")).as("no incident").isZero();
      assertThat(executableJobs(db)).as("every job done").isZero();
      Map<String, List<JsonNode>> reports = reportsByRoundAndUnit(db);
      long acknowledgedBeforeOrAfter = 0;
      for (Submission s : reporting) {
        List<JsonNode> filed = reports.getOrDefault(s.roundId() + "|" + s.unit(), List.of());
        // acknowledged, or committed just before the kill (its retry found the task closed):
        // either way filed exactly once, with the file the client sent
        assertThat(filed).as("reports of %s in %s", s.unit(), s.roundId()).hasSize(1);
        JsonNode evidence = filed.get(0).get("evidence").get(0);
        assertThat(evidence.get("sha256").asText()).isEqualTo(s.sha256());
        assertThat(sha256OfVariable(db, evidence.get("variableId").asText()))
            .as("the evidence file itself")
            .isEqualTo(s.sha256());
        if (answers.get(s.taskId()) == Answer.ACKNOWLEDGED) {
          acknowledgedBeforeOrAfter++;
        }
      }
      assertThat(acknowledgedBeforeOrAfter).isPositive();
      for (Submission s : burst.subList(burst.size() / 2, burst.size())) {
        assertThat(reports)
            .as("no report for %s, who never sent one", s.unit())
            .doesNotContainKey(s.roundId() + "|" + s.unit());
      }
      Map<String, Long> notices = noticesPerRoundUnitAndType(db);
      assertThat(notices.values()).as("no rung recorded twice").containsOnly(1L);
      System.out.printf(
          "crash: killed after %s; %d co-unit tasks, %d reported once each, %d notices once each%n",
          killedAfter, burst.size(), reporting.size(), notices.size());
      for (Submission s : burst.subList(burst.size() / 2, burst.size())) {
        for (String rung : RUNGS) {
          assertThat(notices)
              .as("%s reached %s", rung, s.unit())
              .containsKey(roundKey(db, s.roundId()) + "|" + s.unit() + "|" + rung);
        }
      }
    }
  }

  /**
   * Every 2025 round of the plan, opened on 2 January 2025 by an in-process node whose engine clock
   * says so, and left alone: to the nodes under test, running on the real clock, every rung of
   * every co-unit task is long due.
   */
  private List<String> seedOverdueRounds(String url) {
    String loggingSystem = LoggingSystem.SYSTEM_PROPERTY;
    String before = System.getProperty(loggingSystem);
    System.setProperty(loggingSystem, LoggingSystem.NONE);
    ConfigurableApplicationContext seed =
        new SpringApplicationBuilder(DubanApplication.class)
            .profiles("demo")
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.driver-class-name=org.postgresql.Driver",
                "--camunda.bpm.process-engine-name=seed",
                "--camunda.bpm.job-execution.enabled=false",
                "--logging.level.org.duban=warn");
    try {
      ProcessEngine engine = seed.getBean(ProcessEngine.class);
      ClockUtil.setCurrentTime(
          Date.from(LocalDateTime.of(2025, 1, 2, 10, 0).atZone(ZONE).toInstant()));
      List<String> rounds = new ArrayList<>();
      for (TaskEntry task : seed.getBean(PlanCatalogs.class).require(PLAN).tasks()) {
        String key = ProcessKeys.round(PLAN, task.number());
        if (engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(ProcessKeys.businessKey(PLAN, task.number(), 2025))
                .count()
            == 0) {
          rounds.add(
              engine
                  .getRuntimeService()
                  .startProcessInstanceByKey(key, Map.of(RoundVariables.YEAR, 2025))
                  .getId());
        }
      }
      return rounds;
    } finally {
      ClockUtil.reset();
      seed.close();
      if (before == null) {
        System.clearProperty(loggingSystem);
      } else {
        System.setProperty(loggingSystem, before);
      }
    }
  }

  /** A node of its own: the application on the test classpath, job executor on, short locks. */
  private Process startNode(String url, int port, String name) throws IOException {
    Path log = Path.of("target", "crash-" + name + ".log");
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classPath(),
                DubanApplication.class.getName(),
                "--spring.profiles.active=demo",
                "--server.port=" + port,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.driver-class-name=org.postgresql.Driver",
                "--camunda.bpm.job-execution.enabled=true",
                // a dead node's jobs are free again this long after it took them
                "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--logging.level.org.duban=warn")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    return builder.start();
  }

  /**
   * The test JVM's class path without empty entries: surefire reports it with a trailing separator,
   * which a second JVM reads as its working directory, whose plans/ folder would load every catalog
   * a second time.
   */
  private static String classPath() {
    return java.util.Arrays.stream(
            System.getProperty("java.class.path").split(java.io.File.pathSeparator, -1))
        .filter(e -> !e.isBlank())
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  private void awaitUp(Process node, int port) throws Exception {
    long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < until) {
      assertThat(node.isAlive()).as("the node is running (see target/crash-*.log)").isTrue();
      try {
        HttpResponse<String> r =
            http.send(
                request(port, "/engine-rest/engine", "admin", "admin").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("node on port " + port + " did not come up");
  }

  private Answer submit(int port, Submission s) {
    byte[] pdf = pdf(s.taskId());
    Map<String, Object> variables = new HashMap<>();
    variables.put("progress", Map.of("value", s.unit() + " 年度进展", "type", "String"));
    variables.put("completionStatus", Map.of("value", "ON_TRACK", "type", "String"));
    variables.put(
        "evidence1",
        Map.of(
            "value",
            Base64.getEncoder().encodeToString(pdf),
            "type",
            "File",
            "valueInfo",
            Map.of("filename", "佐证材料.pdf", "mimeType", "application/pdf")));
    try {
      HttpResponse<String> r =
          http.send(
              request(port, "/engine-rest/task/" + s.taskId() + "/submit-form", s.unit(), "demo")
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          json.writeValueAsString(Map.of("variables", variables))))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 204 ? Answer.ACKNOWLEDGED : Answer.REFUSED;
    } catch (IOException e) {
      return Answer.UNKNOWN; // the node died under the request
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Answer.UNKNOWN;
    }
  }

  /** A small valid PDF, different for each task, so each file is told apart by its hash. */
  static byte[] pdf(String taskId) {
    return ("%PDF-1.4\n% "
            + taskId
            + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static HttpRequest.Builder request(int port, String path, String user, String password) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60))
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /** Waits for the node's work, the ladders and the messages, and for the dead node's locks. */
  private void awaitDrained(String url, Process node) throws Exception {
    long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
      while (System.nanoTime() < until) {
        assertThat(node.isAlive()).as("the restarted node is running").isTrue();
        if (executableJobs(db) == 0
            && count(
                    db,
                    "select count(*) from ACT_RU_EXECUTION E join ACT_RE_PROCDEF D on D.ID_ ="
                        + " E.PROC_DEF_ID_ where E.PARENT_ID_ is null and D.KEY_ = '"
                        + ProcessKeys.delivery(PLAN)
                        + "'")
                == 0) {
          return;
        }
        Thread.sleep(500);
      }
    }
    throw new AssertionError("jobs still due after 5 minutes");
  }

  private static long executableJobs(Connection db) throws SQLException {
    return count(
        db,
        "select count(*) from ACT_RU_JOB where RETRIES_ > 0 and SUSPENSION_STATE_ = 1"
            + " and (DUEDATE_ is null or DUEDATE_ <= now())");
  }

  private static long successfulJobs(String url) throws SQLException {
    try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
      return count(db, "select count(*) from ACT_HI_JOB_LOG where JOB_STATE_ = 2");
    }
  }

  private static boolean isOpen(String url, Submission s) throws SQLException {
    try (Connection db = DriverManager.getConnection(url, "postgres", "");
        var st = db.prepareStatement("select count(*) from ACT_RU_TASK where ID_ = ?")) {
      st.setString(1, s.taskId());
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  private static long heldLocks(String url) throws SQLException {
    try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
      return count(db, "select count(*) from ACT_RU_JOB where LOCK_OWNER_ is not null");
    }
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private List<Submission> coUnitTasks(String url, List<String> rounds) throws SQLException {
    List<Submission> found = new ArrayList<>();
    try (Connection db = DriverManager.getConnection(url, "postgres", "");
        Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select T.ID_, T.PROC_INST_ID_, L.GROUP_ID_ from ACT_RU_TASK T join"
                    + " ACT_RU_IDENTITYLINK L on L.TASK_ID_ = T.ID_ and L.TYPE_ = 'candidate'"
                    + " where T.TASK_DEF_KEY_ = '"
                    + CO_UNIT_TASK
                    + "' order by T.PROC_INST_ID_, L.GROUP_ID_")) {
      while (rs.next()) {
        if (rounds.contains(rs.getString(2))) {
          found.add(
              new Submission(
                  rs.getString(1),
                  rs.getString(3),
                  rs.getString(2),
                  EvidencePolicy.sha256(pdf(rs.getString(1)))));
        }
      }
    }
    return found;
  }

  /** Round id | unit → the reports filed in history for it (the stage's {@code report}). */
  private Map<String, List<JsonNode>> reportsByRoundAndUnit(Connection db) throws Exception {
    Map<String, List<JsonNode>> reports = new HashMap<>();
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select PROC_INST_ID_, TEXT_ from ACT_HI_VARINST where NAME_ = '"
                    + RoundVariables.REPORT
                    + "'")) {
      while (rs.next()) {
        JsonNode report = json.readTree(rs.getString(2));
        reports
            .computeIfAbsent(
                rs.getString(1) + "|" + report.get("unit").asText(), k -> new ArrayList<>())
            .add(report);
      }
    }
    return reports;
  }

  private static String sha256OfVariable(Connection db, String variableId) throws SQLException {
    try (var st =
        db.prepareStatement(
            "select B.BYTES_ from ACT_HI_VARINST V join ACT_GE_BYTEARRAY B on B.ID_ = V.BYTEARRAY_ID_"
                + " where V.ID_ = ?")) {
      st.setString(1, variableId);
      try (ResultSet rs = st.executeQuery()) {
        assertThat(rs.next()).as("evidence variable " + variableId).isTrue();
        return EvidencePolicy.sha256(rs.getBytes(1));
      }
    }
  }

  /** round key | unit | type → notices, from the notices' variables in history. */
  private static Map<String, Long> noticesPerRoundUnitAndType(Connection db) throws SQLException {
    Map<String, Map<String, String>> byNotice = new HashMap<>();
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select PROC_INST_ID_, NAME_, TEXT_ from ACT_HI_VARINST where PROC_DEF_KEY_ = '"
                    + ProcessKeys.notice(PLAN)
                    + "' and NAME_ in ('roundKey', 'unit', 'noticeType')")) {
      while (rs.next()) {
        byNotice
            .computeIfAbsent(rs.getString(1), k -> new HashMap<>())
            .put(rs.getString(2), rs.getString(3));
      }
    }
    Map<String, Long> counts = new HashMap<>();
    for (Map<String, String> n : byNotice.values()) {
      counts.merge(
          n.get("roundKey") + "|" + n.get("unit") + "|" + n.get("noticeType"), 1L, Long::sum);
    }
    return counts;
  }

  private static String roundKey(Connection db, String roundId) throws SQLException {
    try (var st =
        db.prepareStatement("select BUSINESS_KEY_ from ACT_HI_PROCINST where PROC_INST_ID_ = ?")) {
      st.setString(1, roundId);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
