package org.duban.roundstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.modeling.RoundProcessFactory;
import org.duban.names.ProcessKeys;
import org.duban.round.RoundFixture;
import org.duban.testsupport.DemoHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The round start form's choices answer only those who may start the round, and its submission is
 * checked on the server whatever the form offered: a year outside the plan, a year that is no
 * number, an impossible or too early deadline are refused with a Chinese 400.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
// starts a round of the demo task, which other tests on this configuration expect absent
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RoundStartHttpTest {

  static final String OTHER_OFFICE = "quanzhou-lingdaoxiaozu-ban";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repository;
  @Autowired FormService forms;
  @Autowired RuntimeService runtime;
  final ObjectMapper json = new ObjectMapper();

  private String definitionId() {
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionKey(RoundFixture.KEY)
        .latestVersion()
        .singleResult()
        .getId();
  }

  private String optionsPath() {
    return "/api/forms/round-start?processDefinitionId=" + definitionId();
  }

  @Test
  void shouldOfferThePlansYearsOnlyToWhoMayStartTheRound() {
    assertThat(forms.getStartFormKey(definitionId()))
        .as("Tasklist shows the start form, not its generic variable dialog")
        .isEqualTo("embedded:deployment:" + RoundProcessFactory.START_FORM);
    DemoHttp http = new DemoHttp(rest);
    assertThat(http.status(null, HttpMethod.GET, optionsPath(), null)).isEqualTo(401);

    JsonNode options = http.get(RoundFixture.SUPERVISOR, optionsPath());
    assertThat(options.get("planTitle").asText()).contains("吴忠");
    assertThat(options.get("years").findValuesAsText("year"))
        .containsExactly("2021", "2022", "2023", "2024", "2025");
    assertThat(options.get("years").get(4).get("started").asBoolean())
        .as("the demo round of 2025 is open")
        .isTrue();
    assertThat(options.get("years").get(0).get("started").asBoolean()).isFalse();
    assertThat(options.get("years").get(0).get("late").asBoolean())
        .as("2021's calendar deadline has long passed")
        .isTrue();
    assertThat(LocalDate.parse(options.get("earliestLeadDue").asText())).isAfter(LocalDate.now());

    for (String stranger : new String[] {RoundFixture.POLICE, OTHER_OFFICE, "auditor"}) {
      ResponseEntity<String> refused = http.exchange(stranger, HttpMethod.GET, optionsPath(), null);
      assertThat(refused.getStatusCode().value()).as(stranger).isEqualTo(404);
      assertThat(refused.getBody()).as(stranger).contains("没有您可以启动的年度轮次流程").doesNotContain("吴忠");
    }
  }

  @Test
  void shouldCheckTheStartFormsYearAndDeadlineOnTheServer() throws Exception {
    DemoHttp http = new DemoHttp(rest);
    String submit = "/engine-rest/process-definition/" + definitionId() + "/submit-form";
    String earliest =
        http.get(RoundFixture.SUPERVISOR, optionsPath()).get("earliestLeadDue").asText();

    assertRefused(http, submit, start(2030, null), "不在《", "规划期 2021–2025 内");
    assertRefused(http, submit, start("20x3", null), "不是年份");
    assertRefused(http, submit, start(2023, "2023-02-30"), "不是日期");
    assertRefused(
        http,
        submit,
        start(2023, LocalDate.parse(earliest).minusDays(1).toString()),
        "过早",
        "最早可定为 " + earliest);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(RoundFixture.KEY).count())
        .as("only the demo round")
        .isEqualTo(1);

    ResponseEntity<String> started =
        http.exchange(RoundFixture.SUPERVISOR, HttpMethod.POST, submit, start(2023, earliest));
    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
    ProcessInstance round =
        runtime
            .createProcessInstanceQuery()
            // the round, not the deliveries that carry its key
            .processDefinitionKey(RoundFixture.KEY)
            .processInstanceBusinessKey(
                ProcessKeys.businessKey(RoundFixture.PLAN, RoundFixture.TASK, 2023))
            .singleResult();
    assertThat(round).isNotNull();
    assertThat(runtime.getVariable(round.getId(), "year")).isEqualTo(2023);
    assertThat(
            http.get(RoundFixture.SUPERVISOR, optionsPath())
                .get("years")
                .get(2)
                .get("started")
                .asBoolean())
        .isTrue();
    assertRefused(http, submit, start(2023, null), "2023 年度轮次已经存在");
    assertThat(http.status(RoundFixture.POLICE, HttpMethod.POST, submit, start(2024, null)))
        .as("a unit cannot start rounds")
        .isEqualTo(403);
  }

  private void assertRefused(DemoHttp http, String submit, Object body, String... message)
      throws Exception {
    ResponseEntity<String> refused =
        http.exchange(RoundFixture.SUPERVISOR, HttpMethod.POST, submit, body);
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    assertThat(json.readTree(refused.getBody()).get("message").asText()).contains(message);
  }

  private static Map<String, Object> start(Object year, String leadDue) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(
        "year", Map.of("value", year, "type", year instanceof Integer ? "Integer" : "String"));
    if (leadDue != null) {
      variables.put("leadDueDate", Map.of("value", leadDue, "type", "String"));
    }
    return Map.of("variables", variables);
  }
}
