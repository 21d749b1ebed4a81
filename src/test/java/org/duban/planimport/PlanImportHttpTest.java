package org.duban.planimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A supervisor brings in a new plan over REST: document → preview → reviewed catalog → deployed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PlanImportHttpTest {

  static final String SUPERVISOR = "quanzhou-lingdaoxiaozu-ban";
  static final String DOCUMENT = """
      示范市知识产权强市建设工作方案(2026-2028年)
      一、工作目标
      到2028年,全市每万人口高价值发明专利拥有量达到8件。
      二、主要任务
      1.强化知识产权创造。培育高价值专利。
      责任单位:市知识产权局、科技局、工信局
      2.加强知识产权保护。开展专项执法行动。
      责任单位:市公安局、市知识产权局
      """;

  @TempDir static Path importDir;

  @DynamicPropertySource
  static void importDirectory(DynamicPropertyRegistry registry) {
    registry.add("duban.catalog.import-dir", () -> importDir.toString());
  }

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldPreviewReviewAndDeployANewPlan() throws Exception {
    ResponseEntity<String> preview = post(SUPERVISOR, "/api/plans/import?source=shifan-2026.txt", DOCUMENT, MediaType.TEXT_PLAIN);
    assertThat(preview.getStatusCode()).as(preview.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode draft = json.readTree(preview.getBody());
    assertThat(draft.get("tasks").asInt()).isEqualTo(2);
    String catalog = draft.get("catalog").asText();
    assertThat(catalog).contains("id: shifan-2026").contains("lead: 市知识产权局").contains("- 市工信局");

    // the reviewer corrects what the document does not say, then deploys
    String reviewed = catalog.replace("title: 示范市知识产权强市建设工作方案(2026-2028年)", "title: 示范市知识产权强市建设工作方案");
    ResponseEntity<String> deployed = post(SUPERVISOR, "/api/plans?file=shifan-2026.yaml", reviewed, MediaType.valueOf("application/yaml"));
    assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(json.readTree(deployed.getBody()).get("processKeys").toString())
        .contains("shifan-2026_2-1").contains("shifan-2026_2-2").contains("shifan-2026_notice").contains("shifan-2026_evaluation");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("shifan-2026_2-1").singleResult().getName())
        .isEqualTo("示范 二.1 强化知识产权创造");
    assertThat(identity.createGroupQuery().groupId("shifan-zhishichanquanju").singleResult().getName()).isEqualTo("市知识产权局");
    assertThat(Files.readString(importDir.resolve("shifan-2026.yaml"), StandardCharsets.UTF_8)).isEqualTo(reviewed);

    // a round of the new plan opens like any other
    ResponseEntity<String> round = exchange("admin:admin", HttpMethod.POST, "/engine-rest/process-definition/key/shifan-2026_2-1/start",
        "{\"variables\":{\"year\":{\"value\":2026,\"type\":\"Integer\"}}}", MediaType.APPLICATION_JSON);
    assertThat(round.getStatusCode()).as(round.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(round.getBody()).get("businessKey").asText()).isEqualTo("shifan-2026/二.1/2026");

    assertThat(post(SUPERVISOR, "/api/plans?file=shifan-2026.yaml", reviewed, MediaType.valueOf("application/yaml"))
        .getStatusCode()).as("unchanged: nothing new deployed").isEqualTo(HttpStatus.OK);
  }

  @Test
  void shouldRejectUnreadableDocumentsBadCatalogsAndOutsiders() throws Exception {
    ResponseEntity<String> unrelated = post(SUPERVISOR, "/api/plans/import?source=notes.txt", "今天天气很好。\n明天开会。\n", MediaType.TEXT_PLAIN);
    assertThat(unrelated.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(unrelated.getBody()).get("problems").get(0).get("message").asText()).contains("notes.txt");

    String bad = """
        plan:
          id: broken-2026
          government: broken
          city: 示例
          title: 示例方案
          period: {from: 2026, to: 2027}
          coordinatingOffice: {id: broken-office, name: 办公室}
          responsibility: LEAD_FIRST
        units:
          - {id: broken-kejiju, name: 市科技局}
        tasks:
          - number: 1
            title: 任务一
            lead: 市财政局
        """;
    ResponseEntity<String> refused = post(SUPERVISOR, "/api/plans?file=broken-2026.yaml", bad, MediaType.valueOf("application/yaml"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode error = json.readTree(refused.getBody());
    assertThat(error.get("line").asInt()).isEqualTo(14);
    assertThat(error.get("field").asText()).isEqualTo("tasks[0].lead");
    assertThat(error.get("message").asText()).contains("市财政局");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKeyLike("broken-2026%").count()).as("nothing deployed").isZero();

    String shipped = new String(getClass().getResourceAsStream("/plans/luolong-2023.yaml").readAllBytes(), StandardCharsets.UTF_8);
    assertThat(post(SUPERVISOR, "/api/plans?file=luolong-2023.yaml", shipped, MediaType.valueOf("application/yaml")).getStatusCode())
        .as("shipped plans change through the repository").isEqualTo(HttpStatus.BAD_REQUEST);

    assertThat(post("wuzhong-gonganju", "/api/plans/import", DOCUMENT, MediaType.TEXT_PLAIN).getStatusCode())
        .as("unit staff may not import plans").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.postForEntity("/api/plans/import", DOCUMENT, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private ResponseEntity<String> post(String user, String path, String body, MediaType type) {
    return exchange(user + ":demo", HttpMethod.POST, path, body, type);
  }

  private ResponseEntity<String> exchange(String login, HttpMethod method, String path, String body, MediaType type) {
    String[] parts = login.split(":", 2);
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(parts[0], parts[1], StandardCharsets.UTF_8);
    headers.setContentType(new MediaType(type, StandardCharsets.UTF_8));
    return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }
}
