package org.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.duban.round.RoundFixture;
import org.duban.testsupport.DemoHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Texts users read that are no label of the webapps' locales: the engine's permission errors (over
 * /engine-rest and in the webapps' own API, as Tasklist and Cockpit show them) and the name of the
 * administrators' group in Admin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ChineseMessagesHttpTest {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldNameAMissingPermissionInChineseWithoutTheEnginesIds() throws Exception {
    DemoHttp http = new DemoHttp(rest);
    ResponseEntity<String> overRest =
        http.exchange(
            RoundFixture.POLICE, HttpMethod.POST, "/engine-rest/task/create", Map.of("name", "x"));
    assertThat(overRest.getStatusCode().value()).isEqualTo(403);
    JsonNode body = json.readTree(overRest.getBody());
    assertThat(body.get("type").asText()).isEqualTo("AuthorizationException");
    assertThat(body.get("message").asText()).isEqualTo("没有权限执行此操作:缺少对任务的「新建」权限。如确需此权限,请联系系统管理员。");
    assertThat(overRest.getBody())
        .doesNotContain(RoundFixture.POLICE)
        .doesNotContain("does not have");

    // Tasklist's 新建任务 asks the webapps' copy of the API, within the login session
    HttpHeaders session = http.webappSession(RoundFixture.POLICE, "demo", "tasklist");
    ResponseEntity<String> inTasklist =
        http.inSession(
            session,
            HttpMethod.POST,
            "/camunda/api/engine/engine/default/task/create",
            Map.of("name", "x"),
            true);
    assertThat(inTasklist.getStatusCode().value()).isEqualTo(403);
    assertThat(json.readTree(inTasklist.getBody()).get("message").asText())
        .startsWith("没有权限执行此操作:缺少对任务的「新建」权限");

    // Cockpit's 人工任务 page counts every plan's tasks per group: explained, not granted
    HttpHeaders office = http.webappSession(RoundFixture.SUPERVISOR, "demo", "cockpit");
    ResponseEntity<String> humanTasks =
        http.inSession(
            office,
            HttpMethod.GET,
            "/camunda/api/engine/engine/default/task/report/candidate-group-count",
            null,
            false);
    assertThat(humanTasks.getStatusCode().value()).isEqualTo(403);
    assertThat(json.readTree(humanTasks.getBody()).get("message").asText())
        .contains("缺少对全部任务的「读取」权限")
        .contains("按用户组统计人工任务需要读取所有规划的任务,只向审计人员开放");
  }

  @Test
  void shouldNameGroupsAndTheirTypesInChinese() {
    var admins = identity.createGroupQuery().groupId("camunda-admin").singleResult();
    assertThat(admins.getName()).isEqualTo("系统管理员");
    assertThat(admins.getType()).isEqualTo("系统");
    assertThat(identity.createGroupQuery().groupId(RoundFixture.POLICE).singleResult().getType())
        .isEqualTo("责任单位");
    assertThat(
            identity.createGroupQuery().groupId(RoundFixture.SUPERVISOR).singleResult().getType())
        .isEqualTo("督办单位");
    assertThat(identity.createGroupQuery().groupId("duban-auditors").singleResult().getType())
        .isEqualTo("审计");
  }
}
