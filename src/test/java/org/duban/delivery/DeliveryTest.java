package org.duban.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.round.RoundFixture.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.duban.audit.AuditController;
import org.duban.audit.RoundDossier;
import org.duban.names.DeliveryVariables;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundElements;
import org.duban.names.RoundVariables;
import org.duban.round.RoundFixture;
import org.duban.testsupport.DemoHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders reach people, exactly once: a real SMTP server (GreenMail) receives the e-mails, a
 * local HTTP server plays DingTalk's and WeCom's robots. Time moves only through ClockUtil and jobs
 * run as the job executor runs them, one by one, failures retried on the cycle's back-off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeliveryTest {

  static final String JUSTICE = "wuzhong-sifaju";
  static final String SECRET = "SEC-test-secret-0001";
  static final String DINGTALK_PATH = "/robot/send";
  static final String WECOM_PATH = "/cgi-bin/webhook/send";
  static final String DELIVERY = ProcessKeys.delivery(PLAN);
  static final String TASKLIST = "https://duban.example.gov.cn/camunda/app/tasklist/default/";

  static final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
  static final RobotServer robots = new RobotServer();

  static {
    mail.start();
    // shared with PostgresDeliveryTest, which runs against the same servers: stopped with the JVM
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  mail.stop();
                  robots.stop();
                }));
  }

  @DynamicPropertySource
  static void contacts(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
    registry.add("duban.delivery.retry-cycle", () -> "R3/PT5M");
    registry.add("duban.delivery.tasklist-url", () -> TASKLIST);
    List<String> everyone = new ArrayList<>(CO_UNITS);
    everyone.add(LEAD);
    everyone.add(SUPERVISOR);
    for (String unit : everyone) {
      registry.add("duban.delivery.contacts." + unit + ".email", () -> address(unit));
    }
    registry.add(
        "duban.delivery.contacts." + POLICE + ".dingtalk-webhook",
        () -> robots.url(DINGTALK_PATH + "?access_token=police-token"));
    registry.add("duban.delivery.contacts." + POLICE + ".dingtalk-secret", () -> SECRET);
    registry.add(
        "duban.delivery.contacts." + JUSTICE + ".wecom-webhook",
        () -> robots.url(WECOM_PATH + "?key=justice-key"));
  }

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired PlatformTransactionManager transactions;
  @Autowired DeliveryRecords records;
  @Autowired AuditController audit;
  @Autowired TestRestTemplate rest;
  @Autowired JavaMailSender mailSender;
  RoundFixture rounds;

  @BeforeEach
  void setUp() throws Exception {
    rounds = new RoundFixture(engine);
    rounds.clear();
    mail.purgeEmailFromAllMailboxes();
    robots.reset();
    ClockUtil.setCurrentTime(at(2025, 1, 2));
  }

  @AfterEach
  void tearDown() {
    rounds.clear();
  }

  /**
   * JavaMail waits for ever by default; a stalled server would hold the job past its lock time and
   * another node would send the message again.
   */
  @Test
  void shouldGiveUpOnAStalledMailServer() {
    assertThat(((JavaMailSenderImpl) mailSender).getJavaMailProperties())
        .containsEntry("mail.smtp.connectiontimeout", "10000")
        .containsEntry("mail.smtp.timeout", "10000")
        .containsEntry("mail.smtp.writetimeout", "10000");
  }

  @Test
  void shouldMailEachUnitOncePerRung() throws Exception {
    ProcessInstance round = rounds.start(2025);
    runJobs();

    for (String unit : CO_UNITS) {
      List<MimeMessage> received = mailsTo(unit);
      assertThat(received).as("new task for %s", unit).hasSize(1);
      Task task = rounds.unitTask(round, RoundElements.CO_UNIT, unit);
      assertThat(received.get(0).getSubject()).startsWith("【督办】新任务:").contains("2025年度");
      assertThat(body(received.get(0)))
          .contains("吴忠市知识产权保护和运用“十四五”规划")
          .contains("一.4-展会 建立展会知识产权保护机制")
          .contains("年度:2025年度")
          .contains("截止日期:2025-12-05")
          .contains(TASKLIST + "#/?task=" + task.getId());
    }
    assertThat(mailsTo(LEAD)).as("the lead's task comes after the co-units'").isEmpty();

    rounds.submitCoUnitsExcept(round, POLICE);
    rounds.runDueJobs();
    rounds.moveTo(at(2025, 12, 2));
    assertThat(subjects(POLICE)).hasSize(2).last().asString().startsWith("【督办】催办提醒:市公安局");
    assertThat(body(mailsTo(POLICE).get(1))).contains("2025-12-05").contains("还有 3 天");
    assertThat(CO_UNITS.stream().filter(u -> !u.equals(POLICE)))
        .as("units that reported are not reminded")
        .allSatisfy(u -> assertThat(mailsTo(u)).hasSize(1));

    rounds.moveTo(at(2025, 12, 6));
    assertThat(subjects(POLICE)).hasSize(3).last().asString().startsWith("【督办】逾期催办:市公安局");

    rounds.moveTo(at(2025, 12, 11));
    assertThat(subjects(POLICE))
        .as("a proposed criticism is the office's, not yet sent")
        .hasSize(3);
    assertThat(mailsTo(SUPERVISOR)).isEmpty();

    HistoricProcessInstance criticism = rounds.notices(round, "CRITICISM").get(0);
    rounds.decide(criticism, Map.of("noticeDecision", "ISSUE", "noticeText", "市公安局逾期未报送,予以通报批评"));
    rounds.runDueJobs();
    assertThat(subjects(POLICE)).hasSize(4).last().asString().startsWith("【督办】通报批评:市公安局");
    assertThat(body(mailsTo(POLICE).get(3))).contains("通报内容:市公安局逾期未报送,予以通报批评");
    assertThat(subjects(SUPERVISOR)).singleElement().asString().startsWith("【督办】通报批评:市公安局");

    rounds.moveTo(at(2025, 12, 12));
    assertThat(subjects(POLICE))
        .as("one e-mail per rung")
        .extracting(s -> s.substring(0, s.indexOf(':')))
        .containsExactly("【督办】新任务", "【督办】催办提醒", "【督办】逾期催办", "【督办】通报批评");
    assertThat(robots.calls(DINGTALK_PATH)).as("the police's robot: the same four").hasSize(4);
  }

  @Test
  void shouldTellTheLeadItsTaskAndCommendEachUnitWithACopyToTheOffice() throws Exception {
    ProcessInstance round = rounds.start(2025);
    rounds.allUnitsReport(round);
    assertThat(subjects(LEAD)).singleElement().asString().startsWith("【督办】新任务:");
    assertThat(body(mailsTo(LEAD).get(0))).contains("截止日期:2025-12-15");

    rounds.review(round, "ACCEPT", "EXCELLENT", null);
    rounds.runDueJobs();

    List<String> commended = new ArrayList<>(CO_UNITS);
    commended.add(LEAD);
    for (String unit : commended) {
      assertThat(subjects(unit)).as(unit).hasSize(2).last().asString().startsWith("【督办】通报表扬:");
    }
    assertThat(subjects(SUPERVISOR))
        .as("the office keeps a copy of each commendation")
        .hasSize(commended.size())
        .allSatisfy(s -> assertThat(s).startsWith("【督办】通报表扬:"));
    assertThat(body(mailsTo(SUPERVISOR).get(0)))
        .as("the office's copy links to Tasklist, not to the unit's receipt")
        .contains("办理入口:" + TASKLIST + "\n")
        .doesNotContain("#/?task=");
  }

  @Test
  void shouldDeliverOnceAWebhookThatFailsTwiceThenSucceeds() throws Exception {
    robots.failTimes(DINGTALK_PATH, 2);
    ProcessInstance round = rounds.start(2025);
    runJobs();
    HistoricProcessInstance dingtalk = delivery(round, POLICE, Channel.DINGTALK);
    assertThat(robots.calls(DINGTALK_PATH)).hasSize(1);
    assertThat(dingtalk.getEndTime()).as("waits for its retry").isNull();

    later(5);
    assertThat(robots.calls(DINGTALK_PATH)).hasSize(2);
    later(5);
    later(5);

    List<RobotServer.Call> calls = robots.calls(DINGTALK_PATH);
    assertThat(calls).extracting(RobotServer.Call::answeredOk).containsExactly(false, false, true);
    for (RobotServer.Call call : calls) {
      assertThat(call.query()).containsEntry("access_token", "police-token");
      String timestamp = call.query().get("timestamp");
      assertThat(RobotServer.decoded(call.query().get("sign")))
          .as("DingTalk's signature")
          .isEqualTo(dingTalkSign(timestamp));
      assertThat(call.body().get("msgtype").asText()).isEqualTo("text");
      assertThat(call.body().get("text").get("content").asText())
          .contains("新任务")
          .contains("市公安局")
          .contains("截止日期:2025-12-05");
    }
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(dingtalk.getId()))
        .satisfies(q -> assertThat(q.singleResult().getEndTime()).isNotNull());
    assertThat(runtime.createIncidentQuery().count()).isZero();
    assertThat(mailsTo(POLICE)).as("e-mail went its own way, once").hasSize(1);

    DeliveryRecord record =
        dossier(round).deliveries().stream()
            .filter(d -> d.processInstanceId().equals(dingtalk.getId()))
            .findFirst()
            .orElseThrow();
    assertThat(record.status()).isEqualTo("DELIVERED");
    assertThat(record.attempts())
        .extracting(DeliveryRecord.Attempt::delivered)
        .containsExactly(false, false, true);
    assertThat(record.attempts().get(0).error()).contains("errcode 310000");
    assertThat(record.deliveredTo()).isEqualTo("钉钉群机器人").doesNotContain("token");
  }

  @Test
  void shouldRaiseExactlyOneIncidentForAWebhookThatAlwaysFails() throws Exception {
    robots.failAlways(WECOM_PATH);
    ProcessInstance round = rounds.start(2025);
    runJobs();
    for (int i = 0; i < 8; i++) {
      later(6);
    }

    HistoricProcessInstance wecom = delivery(round, JUSTICE, Channel.WECOM);
    assertThat(runtime.createIncidentQuery().count()).as("one incident in all").isEqualTo(1);
    assertThat(runtime.createIncidentQuery().singleResult().getProcessInstanceId())
        .isEqualTo(wecom.getId());
    List<RobotServer.Call> calls = robots.calls(WECOM_PATH);
    assertThat(calls).as("the first attempt and the retries of R3/PT5M").hasSize(3);
    assertThat(calls.get(0).query()).containsEntry("key", "justice-key");
    assertThat(calls.get(0).body().get("msgtype").asText()).isEqualTo("text");
    assertThat(calls.get(0).body().get("text").get("content").asText()).contains("司法局");

    DeliveryRecord record =
        dossier(round).deliveries().stream()
            .filter(d -> d.processInstanceId().equals(wecom.getId()))
            .findFirst()
            .orElseThrow();
    assertThat(record.status()).isEqualTo("FAILED");
    assertThat(record.attempts()).hasSize(3).noneMatch(DeliveryRecord.Attempt::delivered);
    assertThat(mailsTo(JUSTICE)).as("the unit's e-mail arrived regardless").hasSize(1);
  }

  @Test
  void shouldQueueNothingWhenTheCompletionRollsBack() throws Exception {
    ProcessInstance round = rounds.start(2025);
    rounds.allUnitsReport(round);
    runJobs();
    mail.purgeEmailFromAllMailboxes();
    String review = rounds.reviewTask(round).getId();
    Map<String, Object> returned =
        Map.of(RoundVariables.REVIEW_DECISION, "RETURN", RoundVariables.RETURN_REASON, "请补充案件数量");

    new TransactionTemplate(transactions)
        .executeWithoutResult(
            tx -> {
              forms.submitTaskForm(review, returned);
              assertThat(deliveries(round, "RETURN"))
                  .as("queued in the completion's own transaction")
                  .hasSize(1);
              tx.setRollbackOnly();
            });

    assertThat(deliveries(round, "RETURN")).as("rolled back with it").isEmpty();
    assertThat(rounds.reviewTask(round)).isNotNull();
    runJobs();
    assertThat(mail.getReceivedMessages()).isEmpty();

    forms.submitTaskForm(review, returned);
    runJobs();
    assertThat(mailsTo(LEAD))
        .singleElement()
        .satisfies(m -> assertThat(m.getSubject()).startsWith("【督办】退回修改:"));
    assertThat(body(mailsTo(LEAD).get(0))).contains("退回意见:请补充案件数量").contains("截止日期:2025-01-12");
  }

  @Test
  void shouldShowDeliveriesToThePlansOfficeAndAuditorsButNoUnit() {
    user("police-clerk", POLICE);
    user("office-clerk", SUPERVISOR);
    user("audit-clerk", "duban-auditors");
    user("quanzhou-clerk", "quanzhou-lingdaoxiaozu-ban");
    ProcessInstance round = rounds.start(2025);
    runJobs();
    long all = history.createHistoricProcessInstanceQuery().processDefinitionKey(DELIVERY).count();
    assertThat(all).isGreaterThanOrEqualTo(10);

    identity.setAuthentication("police-clerk", List.of(POLICE));
    try {
      assertThat(
              history
                  .createHistoricProcessInstanceQuery()
                  .processDefinitionKey(DELIVERY)
                  .variableValueEquals(DeliveryVariables.RECIPIENT, JUSTICE)
                  .count())
          .as("a unit reads no other unit's deliveries")
          .isZero();
      assertThat(records.ofRound(PLAN, round.getBusinessKey())).isEmpty();
    } finally {
      identity.clearAuthentication();
    }

    DemoHttp http = new DemoHttp(rest);
    String outbox = "/api/delivery/outbox?limit=200";
    assertThat(http.get(pw("police-clerk"), outbox)).isEmpty();
    assertThat(http.get(pw("quanzhou-clerk"), outbox)).as("another plan's office").isEmpty();
    assertThat(
            http.get(
                    pw("police-clerk"),
                    "/engine-rest/history/process-instance/count?processDefinitionKey=" + DELIVERY)
                .get("count")
                .asLong())
        .isZero();
    assertThat(
            http.status(
                pw("police-clerk"),
                org.springframework.http.HttpMethod.GET,
                "/api/audit/rounds/" + round.getId(),
                null))
        .isEqualTo(404);
    assertThat(http.status(null, org.springframework.http.HttpMethod.GET, outbox, null))
        .isEqualTo(401);

    String start = "/engine-rest/process-definition/key/" + DELIVERY + "/start";
    assertThat(
            http.status(
                pw("office-clerk"), org.springframework.http.HttpMethod.POST, start, Map.of()))
        .as("the office reads its deliveries but may not send one of its own")
        .isEqualTo(403);
    assertThat(
            http.status(
                pw("police-clerk"), org.springframework.http.HttpMethod.POST, start, Map.of()))
        .as("a unit does not even see the delivery process")
        .isEqualTo(404);

    for (String reader : List.of("office-clerk", "audit-clerk")) {
      JsonNode seen = http.get(pw(reader), outbox);
      assertThat(seen).as(reader).hasSize((int) all);
      assertThat(seen.findValuesAsText("recipient")).as(reader).contains(JUSTICE, POLICE);
      JsonNode dossier = http.get(pw(reader), "/api/audit/rounds/" + round.getId());
      assertThat(dossier.get("deliveries")).as(reader).hasSize((int) all);
      assertThat(dossier.get("deliveries").get(0).get("attempts")).as(reader).hasSize(1);
    }
  }

  // ---------------------------------------------------------------- helpers

  static String address(String unit) {
    return unit + "@duban.test";
  }

  static String pw(String user) {
    return user + ":Duban-Test-2026!";
  }

  private void user(String id, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword("Duban-Test-2026!");
      user.setFirstName(id);
      user.setLastName("测试");
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }

  /**
   * Runs every due job once per pass, as the job executor would; a failed job waits for its retry's
   * due date, which only a later clock reaches.
   */
  private void runJobs() {
    for (int pass = 0; pass < 50; pass++) {
      List<Job> due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException failed) {
          // recorded in the job log; the job executor would retry it on the cycle
        }
      }
    }
  }

  /** Moves the clock by minutes, a second past a retry's due date, and runs the jobs then due. */
  private void later(int minutes) {
    ClockUtil.setCurrentTime(
        new Date(ClockUtil.getCurrentTime().getTime() + (minutes * 60 + 1) * 1000L));
    runJobs();
  }

  private List<HistoricProcessInstance> deliveries(ProcessInstance round, String event) {
    return history
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(DELIVERY)
        .processInstanceBusinessKey(round.getBusinessKey())
        .variableValueEquals(DeliveryVariables.EVENT, event)
        .list();
  }

  private HistoricProcessInstance delivery(
      ProcessInstance round, String recipient, Channel channel) {
    return history
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(DELIVERY)
        .processInstanceBusinessKey(round.getBusinessKey())
        .variableValueEquals(DeliveryVariables.RECIPIENT, recipient)
        .variableValueEquals(DeliveryVariables.CHANNEL, channel.name())
        .singleResult();
  }

  private RoundDossier dossier(ProcessInstance round) {
    return audit.round(round.getId()).getBody();
  }

  private List<MimeMessage> mailsTo(String unit) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage m : mail.getReceivedMessages()) {
      if (Arrays.stream(m.getRecipients(RecipientType.TO))
          .anyMatch(a -> a.toString().equals(address(unit)))) {
        found.add(m);
      }
    }
    return found;
  }

  private List<String> subjects(String unit) throws Exception {
    List<String> subjects = new ArrayList<>();
    for (MimeMessage m : mailsTo(unit)) {
      subjects.add(m.getSubject());
    }
    return subjects;
  }

  private static String body(MimeMessage message) throws Exception {
    return message.getContent().toString();
  }

  private static String dingTalkSign(String timestamp) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getEncoder()
        .encodeToString(mac.doFinal((timestamp + "\n" + SECRET).getBytes(StandardCharsets.UTF_8)));
  }
}
