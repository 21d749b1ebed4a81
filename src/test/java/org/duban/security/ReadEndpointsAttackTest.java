package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.oversight.OversightScenario.QUANZHOU;
import static org.duban.oversight.OversightScenario.QUANZHOU_OFFICE;
import static org.duban.oversight.OversightScenario.SIFAJU;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.duban.identity.UnitDirectory;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundElements;
import org.duban.oversight.OversightScenario;
import org.duban.round.RoundFixture;
import org.duban.testsupport.DemoHttp;
import org.duban.testsupport.ProbeTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The read endpoints of the supervisors' views, the audit view, a unit's own reports and the round
 * start form, attacked over HTTP by each role: a unit, another plan's office, the auditor, the
 * administrator and nobody. Every probe names its expected status, and a body answered to a
 * stranger must hold nothing of the plan it does not supervise (Wuzhong's ids, units, names). The
 * table is printed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadEndpointsAttackTest {

  static final String UNIT = RoundFixture.POLICE;
  static final String OFFICE = RoundFixture.SUPERVISOR;
  static final String OTHER_OFFICE = QUANZHOU_OFFICE;
  static final String AUDITOR = "auditor";
  static final String ADMIN = "admin:admin";
  static final String WUZHONG = RoundFixture.PLAN;

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired AuthorizationService authorizations;
  DemoHttp http;
  OversightScenario scenario;

  String wuzhongRound;
  String sifajuTask;
  String quanzhouTask;
  String evidence;
  String wuzhongDefinition;
  String quanzhouDefinition;
  String noticeDefinition;

  /** What of Wuzhong a body answered to a stranger must not hold. */
  List<String> wuzhongTraces;

  @BeforeAll
  void play() {
    http = new DemoHttp(rest);
    scenario = OversightScenario.play(engine);
    wuzhongRound = scenario.round.getId();
    RoundFixture round = new RoundFixture(engine);
    sifajuTask = round.unitTask(scenario.round, RoundElements.CO_UNIT, SIFAJU).getId();
    Task quanzhou =
        tasks.createTaskQuery().processInstanceId(scenario.quanzhouRound.getId()).list().get(0);
    quanzhouTask = quanzhou.getId();
    evidence =
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(wuzhongRound)
            .variableNameLike("evidence%")
            .includeDeleted()
            .disableBinaryFetching()
            .list()
            .get(0)
            .getId();
    wuzhongDefinition = definition(RoundFixture.KEY);
    quanzhouDefinition = definition(ProcessKeys.round(QUANZHOU, "一.1"));
    noticeDefinition = definition(ProcessKeys.notice(WUZHONG));
    wuzhongTraces =
        List.of(
            wuzhongRound,
            sifajuTask,
            scenario.criticism.getId(),
            scenario.reminder.getId(),
            evidence,
            "wuzhong",
            "吴忠",
            OversightScenario.WUZHONG_OFFICE_NAME);
  }

  @AfterAll
  void reset() {
    new RoundFixture(engine).clear();
    ClockUtil.reset();
  }

  private String definition(String key) {
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .latestVersion()
        .singleResult()
        .getId();
  }

  @Test
  void everyReadEndpointAnswersEachRoleOnlyWhatItMayRead() {
    ProbeTable table = new ProbeTable("Read endpoints attacked by role");
    String pdf = "/api/oversight/notices/" + scenario.criticism.getId() + "/document.pdf";

    // nobody: a login first, on every new endpoint
    for (String path :
        List.of(
            "/api/oversight/plans",
            "/api/oversight/board?plan=" + WUZHONG,
            "/api/oversight/overdue",
            "/api/oversight/notices",
            pdf,
            "/api/audit/rounds",
            "/api/audit/rounds/" + wuzhongRound,
            "/api/audit/rounds/" + wuzhongRound + "/dossier",
            "/api/audit/dossier",
            "/api/audit/evidence/" + evidence + "/verification",
            "/api/own-reports?taskId=" + sifajuTask,
            "/api/forms/round-start?processDefinitionId=" + wuzhongDefinition)) {
      table.probe("anonymous GET " + path, 401, () -> status(null, path));
    }

    // a unit: no supervisors' view, no history, no start form, no other unit's reports
    for (String path :
        List.of(
            "/api/oversight/plans",
            "/api/oversight/board?plan=" + WUZHONG,
            "/api/oversight/overdue",
            "/api/oversight/notices?format=csv",
            pdf)) {
      table.probe("unit GET " + path, 403, () -> status(UNIT, path));
    }
    table.probe("unit: audit search", "[]", () -> body(UNIT, "/api/audit/rounds?keyPrefix=%"));
    for (String path :
        List.of(
            "/api/audit/rounds/" + wuzhongRound,
            "/api/audit/rounds/" + wuzhongRound + "/dossier?format=json",
            "/api/audit/evidence/" + evidence + "/verification",
            "/api/forms/round-start?processDefinitionId=" + wuzhongDefinition,
            "/api/own-reports?taskId=%")) {
      table.probe("unit GET " + path, 404, () -> status(UNIT, path));
    }
    table.probe(
        "unit: another unit's task's reports",
        403,
        () -> status(UNIT, "/api/own-reports?taskId=" + sifajuTask));
    table.probe(
        "unit: another plan's unit task's reports",
        403,
        () -> status(UNIT, "/api/own-reports?taskId=" + quanzhouTask));
    table.probe(
        "the task's own unit reads its reports",
        200,
        () -> status(SIFAJU, "/api/own-reports?taskId=" + sifajuTask));

    // another plan's office: Wuzhong does not exist for it, whatever it names or matches
    for (String path :
        List.of(
            "/api/oversight/board?plan=" + WUZHONG,
            "/api/oversight/board?plan=%",
            "/api/oversight/board?plan=wuzhong_2022",
            "/api/oversight/overdue?plan=" + WUZHONG,
            "/api/oversight/notices?plan=" + WUZHONG,
            pdf,
            "/api/oversight/notices/" + scenario.reminder.getId() + "/document.pdf",
            "/api/oversight/notices/" + wuzhongRound + "/document.pdf",
            "/api/audit/rounds/" + wuzhongRound,
            "/api/audit/rounds/" + wuzhongRound + "/dossier?format=csv",
            "/api/audit/evidence/" + evidence + "/verification",
            "/api/forms/round-start?processDefinitionId=" + wuzhongDefinition,
            "/api/forms/round-start?processDefinitionId=" + noticeDefinition)) {
      table.probe("other office GET " + path, 404, () -> status(OTHER_OFFICE, path));
      table.probe(
          "other office GET " + path + ": no trace", "[]", () -> traces(OTHER_OFFICE, path));
    }
    for (String path :
        List.of(
            "/api/oversight/plans",
            "/api/oversight/overdue",
            "/api/oversight/overdue?unit=" + SIFAJU,
            "/api/oversight/overdue?unit=%",
            "/api/oversight/overdue?format=csv",
            "/api/oversight/notices",
            "/api/oversight/notices?unit=" + UNIT + "&format=csv",
            "/api/audit/rounds",
            "/api/audit/rounds?plan=%",
            "/api/audit/rounds?plan=wuzhong_2022",
            "/api/audit/rounds?keyPrefix=%",
            "/api/audit/rounds?keyPrefix=_",
            "/api/audit/rounds?keyPrefix=" + WUZHONG,
            "/api/audit/rounds?unit=" + SIFAJU,
            "/api/audit/dossier?plan=" + WUZHONG + "&format=json",
            "/api/audit/dossier?format=csv")) {
      table.probe("other office GET " + path, 200, () -> status(OTHER_OFFICE, path));
      table.probe(
          "other office GET " + path + ": no trace", "[]", () -> traces(OTHER_OFFICE, path));
    }
    table.probe(
        "other office: a Wuzhong unit's task's reports",
        403,
        () -> status(OTHER_OFFICE, "/api/own-reports?taskId=" + sifajuTask));

    // Wuzhong's own office: its plan, never Quanzhou's start form
    table.probe(
        "office: Quanzhou's round start form",
        404,
        () -> status(OFFICE, "/api/forms/round-start?processDefinitionId=" + quanzhouDefinition));
    table.probe("office: its own notice PDF", 200, () -> status(OFFICE, pdf));
    table.probe(
        "office: a reminder is no document",
        404,
        () ->
            status(
                OFFICE, "/api/oversight/notices/" + scenario.reminder.getId() + "/document.pdf"));

    // the auditor reads everything, starts nothing, reads no unit's form data as if it were one
    table.probe(
        "auditor: board", 200, () -> status(AUDITOR, "/api/oversight/board?plan=" + WUZHONG));
    table.probe("auditor: notice PDF", 200, () -> status(AUDITOR, pdf));
    table.probe(
        "auditor: evidence verification",
        200,
        () -> status(AUDITOR, "/api/audit/evidence/" + evidence + "/verification"));
    table.probe(
        "auditor: round start form",
        404,
        () -> status(AUDITOR, "/api/forms/round-start?processDefinitionId=" + wuzhongDefinition));
    table.probe(
        "auditor: a unit's own reports",
        403,
        () -> status(AUDITOR, "/api/own-reports?taskId=" + sifajuTask));

    // the administrator manages identities; it is no supervisor and no unit
    table.probe("admin: supervisors' view", 403, () -> status(ADMIN, "/api/oversight/plans"));
    table.probe("admin: notice PDF", 403, () -> status(ADMIN, pdf));
    table.probe(
        "admin: a unit's own reports",
        403,
        () -> status(ADMIN, "/api/own-reports?taskId=" + sifajuTask));
    table.check();
  }

  @Test
  void theAuditorWritesNothingThroughTheNewEndpoints() {
    ProbeTable table = new ProbeTable("Writes to the read endpoints");
    long notices = history.createHistoricProcessInstanceQuery().count();
    long open = tasks.createTaskQuery().count();
    for (HttpMethod write : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE)) {
      for (String path :
          List.of(
              "/api/oversight/board?plan=" + WUZHONG,
              "/api/oversight/overdue",
              "/api/oversight/notices",
              "/api/oversight/notices/" + scenario.criticism.getId() + "/document.pdf",
              "/api/audit/rounds/" + wuzhongRound,
              "/api/audit/rounds/" + wuzhongRound + "/dossier",
              "/api/audit/evidence/" + evidence + "/verification",
              "/api/own-reports?taskId=" + sifajuTask,
              "/api/forms/round-start?processDefinitionId=" + wuzhongDefinition)) {
        table.probe(
            "auditor " + write + " " + path,
            "refused",
            () -> {
              int status = http.status(AUDITOR, write, path, Map.of());
              return status == 405 || status == 403 ? "refused" : String.valueOf(status);
            });
      }
    }
    table.probe(
        "instances and tasks unchanged",
        notices + "/" + open,
        () ->
            history.createHistoricProcessInstanceQuery().count()
                + "/"
                + tasks.createTaskQuery().count());
    table.check();
  }

  /**
   * A plan the administrator withdrew from the auditors (a REVOKE on its round's definition) is
   * gone from the engine's own queries; the supervisors' views, which ask the engine per definition
   * and then read without row checks, must not show it either.
   */
  @Test
  void aRevokeOnOneDefinitionHidesItFromTheViewsAsFromTheEngine() {
    // the views remember the engine's answers: seen before the revoke, the round must still vanish
    assertThat(body(AUDITOR, "/api/oversight/board?plan=" + WUZHONG)).contains(wuzhongRound);
    assertThat(body(AUDITOR, "/api/oversight/overdue")).contains(sifajuTask);
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setGroupId(UnitDirectory.AUDITORS);
    revoke.setResource(Resources.PROCESS_DEFINITION);
    revoke.setResourceId(RoundFixture.KEY);
    revoke.removePermission(ProcessDefinitionPermissions.READ_HISTORY);
    revoke.removePermission(ProcessDefinitionPermissions.READ_TASK);
    revoke = authorizations.saveAuthorization(revoke);
    try {
      ProbeTable table = new ProbeTable("A revoke on Wuzhong's trade-fair round, for the auditors");
      table.probe(
          "the engine: audit search finds the round",
          false,
          () -> body(AUDITOR, "/api/audit/rounds?plan=" + WUZHONG).contains(wuzhongRound));
      table.probe(
          "board shows the round",
          false,
          () -> body(AUDITOR, "/api/oversight/board?plan=" + WUZHONG).contains(wuzhongRound));
      table.probe(
          "ledger lists its overdue task",
          false,
          () -> body(AUDITOR, "/api/oversight/overdue").contains(sifajuTask));
      table.probe(
          "Wuzhong's office keeps its board",
          true,
          () -> body(OFFICE, "/api/oversight/board?plan=" + WUZHONG).contains(wuzhongRound));
      table.check();
    } finally {
      authorizations.deleteAuthorization(revoke.getId());
    }
    // and withdrawn, the revoke no longer hides it
    assertThat(body(AUDITOR, "/api/oversight/board?plan=" + WUZHONG)).contains(wuzhongRound);
    assertThat(body(AUDITOR, "/api/oversight/overdue")).contains(sifajuTask);
  }

  @Test
  void malformedRequestsAnswerWithoutInternals() {
    ProbeTable table = new ProbeTable("Malformed requests: no stack trace, SQL or class names");
    for (String[] probe :
        new String[][] {
          {OFFICE, "/api/oversight/board?plan=" + WUZHONG + "&year=abc", "400"},
          {OFFICE, "/api/oversight/overdue?format=exe", "400"},
          {OFFICE, "/api/oversight/overdue?sort=nope'--&order=sideways", "200"},
          {OFFICE, "/api/oversight/notices?type=NOPE&status=' OR 1=1", "200"},
          {OFFICE, "/api/oversight/notices/' OR '1'='1/document.pdf", "404"},
          {AUDITOR, "/api/audit/rounds?year=abc", "400"},
          {AUDITOR, "/api/audit/rounds?outcome=' OR 1=1", "400"},
          {AUDITOR, "/api/audit/rounds?keyPrefix=\\", "200"},
          {AUDITOR, "/api/audit/rounds/' OR '1'='1", "404"},
          {AUDITOR, "/api/audit/rounds/" + wuzhongRound + "/dossier?format=exe", "400"},
          {AUDITOR, "/api/audit/evidence/' OR '1'='1/verification", "404"},
          {UNIT, "/api/own-reports?taskId=' OR '1'='1", "404"},
          {UNIT, "/api/own-reports", "400"},
          {OFFICE, "/api/forms/round-start?processDefinitionId=' OR '1'='1", "404"}
        }) {
      table.probe(
          probe[0] + " GET " + probe[1],
          probe[2] + " clean",
          () -> {
            ResponseEntity<String> answer = http.exchange(probe[0], HttpMethod.GET, probe[1], null);
            String body = answer.getBody() == null ? "" : answer.getBody();
            boolean leaks =
                body.contains("Exception")
                    || body.contains("\tat ")
                    || body.contains("org.camunda")
                    || body.contains("org.duban")
                    || body.contains("SELECT")
                    || body.contains("ACT_");
            return answer.getStatusCode().value() + (leaks ? " leaks: " + body : " clean");
          });
    }
    table.check();
  }

  private int status(String user, String path) {
    return http.status(user, HttpMethod.GET, path, null);
  }

  private String body(String user, String path) {
    ResponseEntity<String> answer = http.exchange(user, HttpMethod.GET, path, null);
    return answer.getBody() == null ? "" : answer.getBody();
  }

  /**
   * Which of Wuzhong's ids and names the body answered to the caller holds, besides what the caller
   * sent itself (a refusal may name the id it was asked for).
   */
  private String traces(String user, String path) {
    String body = body(user, path);
    for (String sent : path.split("[/?&=]")) {
      if (sent.length() >= 4) {
        body = body.replace(sent, "");
      }
    }
    List<String> found = new ArrayList<>();
    for (String trace : wuzhongTraces) {
      if (body.contains(trace)) {
        found.add(trace);
      }
    }
    return found.toString();
  }
}
