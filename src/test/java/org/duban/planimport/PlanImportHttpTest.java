package org.duban.planimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.reset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.duban.catalog.PlanCatalogs;
import org.duban.identity.IdentitySeeder;
import org.duban.identity.UnitDirectory;
import org.duban.testsupport.ProbeTable;
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
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A supervisor brings in a new plan over REST: document → preview → reviewed catalog → deployed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PlanImportHttpTest {

  static final String SUPERVISOR = "quanzhou-lingdaoxiaozu-ban";
  static final String DOCUMENT =
      """
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
  @Autowired AuthorizationService authorizations;
  @Autowired PlanCatalogs catalogs;
  @MockitoSpyBean IdentitySeeder seeder;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldPreviewReviewAndDeployANewPlan() throws Exception {
    ResponseEntity<String> preview =
        post(
            SUPERVISOR, "/api/plans/import?source=shifan-2026.txt", DOCUMENT, MediaType.TEXT_PLAIN);
    assertThat(preview.getStatusCode()).as(preview.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode draft = json.readTree(preview.getBody());
    assertThat(draft.get("tasks").asInt()).isEqualTo(2);
    String catalog = draft.get("catalog").asText();
    assertThat(catalog).contains("id: shifan-2026").contains("lead: 市知识产权局").contains("- 市工信局");

    // the reviewer corrects what the document does not say, then deploys
    String reviewed =
        catalog.replace("title: 示范市知识产权强市建设工作方案(2026-2028年)", "title: 示范市知识产权强市建设工作方案");
    ResponseEntity<String> deployed =
        post(
            SUPERVISOR,
            "/api/plans?file=shifan-2026.yaml",
            reviewed,
            MediaType.valueOf("application/yaml"));
    assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(json.readTree(deployed.getBody()).get("processKeys").toString())
        .contains("shifan-2026_2-1")
        .contains("shifan-2026_2-2")
        .contains("shifan-2026_notice")
        .contains("shifan-2026_evaluation");
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("shifan-2026_2-1")
                .singleResult()
                .getName())
        .isEqualTo("示范 二.1 强化知识产权创造");
    assertThat(
            identity.createGroupQuery().groupId("shifan-zhishichanquanju").singleResult().getName())
        .isEqualTo("市知识产权局");
    assertThat(Files.readString(importDir.resolve("shifan-2026.yaml"), StandardCharsets.UTF_8))
        .isEqualTo(reviewed);

    // a round of the new plan opens like any other
    ResponseEntity<String> round =
        exchange(
            "admin:admin",
            HttpMethod.POST,
            "/engine-rest/process-definition/key/shifan-2026_2-1/start",
            "{\"variables\":{\"year\":{\"value\":2026,\"type\":\"Integer\"}}}",
            MediaType.APPLICATION_JSON);
    assertThat(round.getStatusCode()).as(round.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(round.getBody()).get("businessKey").asText())
        .isEqualTo("shifan-2026/二.1/2026");

    assertThat(
            post(
                    SUPERVISOR,
                    "/api/plans?file=shifan-2026.yaml",
                    reviewed,
                    MediaType.valueOf("application/yaml"))
                .getStatusCode())
        .as("unchanged: nothing new deployed")
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void shouldPreviewADraftWithWarningsThatCannotBeDeployedAsItIs() throws Exception {
    String document =
        """
        示范市2026年知识产权工作要点
        一、重点任务
        1.强化知识产权创造。培育高价值专利。
        牵头单位:市知识产权局;配合单位:市科技局
        完成时限:2026年10月底前
        2.加强知识产权保护。开展专项执法行动。
        """;
    ResponseEntity<String> preview =
        post(
            SUPERVISOR,
            "/api/plans/import?source=yaodian-2026.txt",
            document,
            MediaType.TEXT_PLAIN);
    assertThat(preview.getStatusCode()).as(preview.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode draft = json.readTree(preview.getBody());
    assertThat(draft.get("tasks").asInt()).isEqualTo(2);
    assertThat(draft.get("deployable").asBoolean()).isFalse();
    assertThat(draft.get("notDeployable").asText())
        .contains("[tasks[1].lead]: task 一.2 加强知识产权保护 names no unit");
    assertThat(draft.get("problems").get(0).get("severity").asText()).isEqualTo("WARNING");
    String catalog = draft.get("catalog").asText();
    assertThat(catalog).contains("deadline: 2026年10月底前").contains("to: 2026");

    ResponseEntity<String> refused =
        post(
            SUPERVISOR,
            "/api/plans?file=yaodian-2026.yaml",
            catalog,
            MediaType.valueOf("application/yaml"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(refused.getBody()).get("message").asText())
        .contains("task 一.2 加强知识产权保护 names no unit");
  }

  @Test
  void shouldRejectUnreadableDocumentsBadCatalogsAndOutsiders() throws Exception {
    ResponseEntity<String> unrelated =
        post(
            SUPERVISOR,
            "/api/plans/import?source=notes.txt",
            "今天天气很好。\n明天开会。\n",
            MediaType.TEXT_PLAIN);
    assertThat(unrelated.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(unrelated.getBody()).get("problems").get(0).get("message").asText())
        .contains("notes.txt");

    String bad =
        """
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
    ResponseEntity<String> refused =
        post(
            SUPERVISOR,
            "/api/plans?file=broken-2026.yaml",
            bad,
            MediaType.valueOf("application/yaml"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode error = json.readTree(refused.getBody());
    assertThat(error.get("line").asInt()).isEqualTo(14);
    assertThat(error.get("field").asText()).isEqualTo("tasks[0].lead");
    assertThat(error.get("message").asText()).contains("市财政局");
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKeyLike("broken-2026%")
                .count())
        .as("nothing deployed")
        .isZero();

    String shipped =
        new String(
            getClass().getResourceAsStream("/plans/luolong-2023.yaml").readAllBytes(),
            StandardCharsets.UTF_8);
    assertThat(
            post(
                    SUPERVISOR,
                    "/api/plans?file=luolong-2023.yaml",
                    shipped,
                    MediaType.valueOf("application/yaml"))
                .getStatusCode())
        .as("shipped plans change through the repository")
        .isEqualTo(HttpStatus.BAD_REQUEST);

    assertThat(
            post("wuzhong-gonganju", "/api/plans/import", DOCUMENT, MediaType.TEXT_PLAIN)
                .getStatusCode())
        .as("unit staff may not import plans")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.postForEntity("/api/plans/import", DOCUMENT, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void shouldLetOnlyTheImportingOfficeOrAnAdministratorReplaceAPlan() throws Exception {
    String plan = "shili-2026";
    String original = catalog(plan, WUZHONG_OFFICE, WUZHONG_OFFICE_NAME);
    String takeover = catalog(plan, SUPERVISOR, QUANZHOU_OFFICE_NAME);
    ProbeTable probes = new ProbeTable("Plans belong to the office that imported them");
    probes.probe(
        "Wuzhong's office imports a new plan",
        201,
        () -> publish(WUZHONG_OFFICE, original).getStatusCode().value());
    probes.probe(
        "the owner is kept beside the catalog",
        WUZHONG_OFFICE,
        () -> read(importDir.resolve(plan + ".owner")));
    probes.probe(
        "Quanzhou's office re-posts it with itself as office",
        403,
        () -> publish(SUPERVISOR, takeover).getStatusCode().value());
    probes.probe(
        "the refusal names the owner",
        true,
        () -> message(publish(SUPERVISOR, takeover)).contains(WUZHONG_OFFICE));
    probes.probe(
        "Quanzhou's office re-posts it unchanged",
        403,
        () -> publish(SUPERVISOR, original).getStatusCode().value());
    probes.probe(
        "the plan keeps its office and one deployment",
        WUZHONG_OFFICE + " 1",
        () -> groupOfficeOf(plan) + " " + deployments(plan));
    probes.probe(
        "Wuzhong's office moves its plan to another office",
        403,
        () -> publish(WUZHONG_OFFICE, catalog(plan, "shili-ban", "示例办公室")).getStatusCode().value());
    probes.probe(
        "the refusal says only an administrator may",
        true,
        () ->
            message(publish(WUZHONG_OFFICE, catalog(plan, "shili-ban", "示例办公室")))
                .contains("系统管理员"));
    probes.probe(
        "Wuzhong's office publishes a new version, renaming its own unit",
        201,
        () ->
            publish(
                    WUZHONG_OFFICE,
                    catalog(
                            plan,
                            "示例方案",
                            WUZHONG_OFFICE,
                            WUZHONG_OFFICE_NAME,
                            plan + "-kejiju",
                            "市科学技术局",
                            "1")
                        .replace("city: 示例", "city: 示范"))
                .getStatusCode()
                .value());
    probes.probe(
        "its unit's group is renamed",
        "市科学技术局",
        () -> identity.createGroupQuery().groupId(plan + "-kejiju").singleResult().getName());
    probes.probe(
        "an administrator moves it to another office",
        201,
        () -> publish("admin", catalog(plan, "shili-ban", "示例办公室")).getStatusCode().value());
    probes.probe(
        "the importing office still owns it",
        WUZHONG_OFFICE,
        () -> read(importDir.resolve(plan + ".owner")));
    probes.check();
  }

  @Test
  void shouldNotLetACatalogRenameOrRetypeGroupsItDoesNotOwn() throws Exception {
    group(
        "xinxi-zhongxin",
        "信息中心",
        UnitDirectory.TYPE_UNIT); // a unit group made in Admin, of no plan
    group("weixiu-zu", "维修组", "staff"); // a group of another kind
    ProbeTable probes =
        new ProbeTable("A catalog creates and changes the groups of its own units only");
    probes.probe(
        "unit id camunda-admin",
        "400 10 [units[0].id]",
        () ->
            answer(
                publish(
                    SUPERVISOR,
                    catalog(
                        "qunzu-2026",
                        "示例方案",
                        "qunzu-ban",
                        "示例办公室",
                        "camunda-admin",
                        "市管理局",
                        "1"))));
    probes.probe(
        "the administrators' group keeps its name",
        "系统管理员",
        () -> identity.createGroupQuery().groupId("camunda-admin").singleResult().getName());
    probes.probe(
        "office id duban-auditors",
        "400 7 [plan.coordinatingOffice.id]",
        () ->
            answer(
                publish(
                    SUPERVISOR,
                    catalog(
                        "qunzu-2026",
                        "示例方案",
                        "duban-auditors",
                        "示例办公室",
                        "qunzu-kejiju",
                        "市科技局",
                        "1"))));
    probes.probe(
        "another plan's unit under another name",
        "400 10 [units[0].name]",
        () ->
            answer(
                publish(
                    SUPERVISOR,
                    catalog(
                        "qunzu-2026",
                        "示例方案",
                        "qunzu-ban",
                        "示例办公室",
                        "wuzhong-gonganju",
                        "市警察局",
                        "1"))));
    probes.probe(
        "another plan's office as a unit",
        "400 10 [units[0].id]",
        () ->
            answer(
                publish(
                    SUPERVISOR,
                    catalog(
                        "qunzu-2026",
                        "示例方案",
                        "qunzu-ban",
                        "示例办公室",
                        WUZHONG_OFFICE,
                        WUZHONG_OFFICE_NAME,
                        "1"))));
    probes.probe(
        "another plan's unit as the office",
        "400 7 [plan.coordinatingOffice.id]",
        () ->
            answer(
                publish(
                    SUPERVISOR,
                    catalog(
                        "qunzu-2026",
                        "示例方案",
                        "wuzhong-gonganju",
                        "市公安局",
                        "qunzu-kejiju",
                        "市科技局",
                        "1"))));
    probes.probe(
        "a group made in Admin, renamed",
        "400 10 [units[0].name]",
        () ->
            answer(
                publish(
                    SUPERVISOR,
                    catalog(
                        "qunzu-2026",
                        "示例方案",
                        "qunzu-ban",
                        "示例办公室",
                        "xinxi-zhongxin",
                        "市信息局",
                        "1"))));
    probes.probe(
        "a group made in Admin, retyped",
        "400 10 [units[0].id]",
        () ->
            answer(
                publish(
                    SUPERVISOR,
                    catalog("qunzu-2026", "示例方案", "qunzu-ban", "示例办公室", "weixiu-zu", "维修组", "1"))));
    probes.probe("nothing of the plan was deployed", 0L, () -> deployments("qunzu-2026"));
    probes.probe(
        "another plan's unit as it is (shared)",
        201,
        () ->
            publish(
                    SUPERVISOR,
                    catalog(
                        "qunzu-2026",
                        "示例方案",
                        "qunzu-ban",
                        "示例办公室",
                        "wuzhong-gonganju",
                        "市公安局",
                        "1"))
                .getStatusCode()
                .value());
    probes.check();
  }

  @Test
  void shouldValidateEverythingBeforeDeployingAnything() throws Exception {
    String longId = "jiaoyan-" + "a".repeat(101);
    ProbeTable probes = new ProbeTable("Everything is validated before anything is deployed");
    probes.probe(
        "a 109-character unit id",
        "400 10 [units[0].id]",
        () ->
            answer(
                publish(
                    SUPERVISOR,
                    catalog("jiaoyan-2026", "示例方案", "jiaoyan-ban", "示例办公室", longId, "市科技局", "1"))));
    probes.probe(
        "the message names the limit",
        true,
        () ->
            message(
                    publish(
                        SUPERVISOR,
                        catalog(
                            "jiaoyan-2026", "示例方案", "jiaoyan-ban", "示例办公室", longId, "市科技局", "1")))
                .contains("最长 64"));
    probes.probe(
        "no group of the long id", 0L, () -> identity.createGroupQuery().groupId(longId).count());
    probes.probe(
        "a task numbered notice",
        "400 12 [tasks[0].number]",
        () -> answer(publish(SUPERVISOR, sampleWithTask("notice"))));
    probes.probe(
        "a task numbered Evaluation",
        "400 12 [tasks[0].number]",
        () -> answer(publish(SUPERVISOR, sampleWithTask("Evaluation"))));
    String twice =
        catalog("jiaoyan-2026", "jiaoyan-ban", "示例办公室")
            .replace("  city: 示例\n", "  city: 示例\n  city: 另一个\n");
    probes.probe(
        "a key given twice", "400 5 [plan.city]", () -> answer(publish(SUPERVISOR, twice)));
    probes.probe("nothing of the plan was deployed", 0L, () -> deployments("jiaoyan-2026"));
    String big =
        catalog("jiaoyan-2026", "jiaoyan-ban", "示例办公室") + "# " + "x".repeat(1024 * 1024) + "\n";
    probes.probe("a 1 MB catalog", 413, () -> publish(SUPERVISOR, big).getStatusCode().value());
    probes.probe(
        "the 413 says the limit", true, () -> message(publish(SUPERVISOR, big)).contains("512 KB"));
    probes.probe(
        "a 1 MB plan document for preview",
        413,
        () ->
            post(SUPERVISOR, "/api/plans/import", "一、".repeat(200_000), MediaType.TEXT_PLAIN)
                .getStatusCode()
                .value());
    probes.check();
  }

  @Test
  void shouldRollBackTheDeploymentWhenSeedingFails() throws Exception {
    String plan = "huigun-2026";
    doAnswer(
            call -> {
              call.callRealMethod(); // the groups and grants are written, then seeding fails
              throw new IllegalStateException("test: seeding fails after writing");
            })
        .when(seeder)
        .run();
    ProbeTable probes = new ProbeTable("Deployment and identity seeding happen all or nothing");
    probes.probe(
        "publish while seeding fails",
        500,
        () -> publish(SUPERVISOR, catalog(plan, "huigun-ban", "回滚办公室")).getStatusCode().value());
    probes.probe("no deployment", 0L, () -> deployments(plan));
    probes.probe(
        "no process definition",
        0L,
        () ->
            repository.createProcessDefinitionQuery().processDefinitionKeyLike(plan + "%").count());
    probes.probe(
        "no group of its unit or office",
        0L,
        () -> identity.createGroupQuery().groupIdIn(plan + "-kejiju", "huigun-ban").count());
    probes.probe(
        "no authorization for its office",
        0L,
        () -> authorizations.createAuthorizationQuery().groupIdIn("huigun-ban").count());
    probes.probe(
        "not kept for the next start",
        false,
        () ->
            Files.exists(importDir.resolve(plan + ".yaml"))
                || Files.exists(importDir.resolve(plan + ".owner")));
    probes.probe("the application does not know it", false, () -> catalogs.plan(plan).isPresent());
    reset(seeder);
    probes.probe(
        "published again once seeding works",
        201,
        () -> publish(SUPERVISOR, catalog(plan, "huigun-ban", "回滚办公室")).getStatusCode().value());
    probes.probe(
        "now with its processes and groups",
        // its task's round, its notices, its evaluation, its deliveries, its extension requests
        "5 2",
        () ->
            repository.createProcessDefinitionQuery().processDefinitionKeyLike(plan + "%").count()
                + " "
                + identity.createGroupQuery().groupIdIn(plan + "-kejiju", "huigun-ban").count());
    probes.check();
  }

  private void group(String id, String name, String type) {
    Group group = identity.newGroup(id);
    group.setName(name);
    group.setType(type);
    identity.saveGroup(group);
  }

  private String groupOfficeOf(String planId) {
    return catalogs.require(planId).plan().coordinatingOffice().id();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (java.io.IOException e) {
      return "missing: " + file.getFileName();
    }
  }

  /** A small catalog of one unit and one task; {@code %s} are filled by {@link #catalog}. */
  static final String CATALOG =
      """
      plan:
        id: %s
        government: shili
        city: 示例
        title: %s
        period: {from: 2026, to: 2027}
        coordinatingOffice: {id: %s, name: %s}
        responsibility: LEAD_FIRST
      units:
        - {id: %s, name: %s}
      tasks:
        - number: "%s"
          title: 任务一
          lead: %s
      """;

  static final String WUZHONG_OFFICE = "wuzhong-lianxihuiyiban";
  static final String WUZHONG_OFFICE_NAME = "市市域知识产权保护联席会议办公室";
  static final String QUANZHOU_OFFICE_NAME = "市知识产权工作领导小组办公室";

  static String catalog(
      String planId,
      String title,
      String officeId,
      String officeName,
      String unitId,
      String unitName,
      String taskNumber) {
    return CATALOG.formatted(
        planId, title, officeId, officeName, unitId, unitName, taskNumber, unitName);
  }

  /** The sample plan of the probes with one task numbered as given. */
  static String sampleWithTask(String number) {
    return catalog(
        "jiaoyan-2026", "示例方案", "jiaoyan-ban", "示例办公室", "jiaoyan-kejiju", "市科技局", number);
  }

  static String catalog(String planId, String officeId, String officeName) {
    return catalog(planId, "示例方案", officeId, officeName, planId + "-kejiju", "市科技局", "1");
  }

  /** "status message" of an answer, or "status [field] line" for a refused catalog. */
  private String answer(ResponseEntity<String> response) {
    try {
      JsonNode body = json.readTree(response.getBody());
      String where =
          body.has("field")
              ? " " + body.get("line").asInt() + " [" + body.get("field").asText() + "]"
              : "";
      return response.getStatusCode().value() + where;
    } catch (Exception e) {
      return response.getStatusCode().value() + " " + response.getBody();
    }
  }

  private String message(ResponseEntity<String> response) {
    try {
      return json.readTree(response.getBody()).path("message").asText();
    } catch (Exception e) {
      return String.valueOf(response.getBody());
    }
  }

  private ResponseEntity<String> publish(String user, String yaml) {
    String login = user.equals("admin") ? "admin:admin" : user + ":demo";
    return exchange(
        login,
        HttpMethod.POST,
        "/api/plans?file=upload.yaml",
        yaml,
        MediaType.valueOf("application/yaml"));
  }

  private long deployments(String planId) {
    return repository.createDeploymentQuery().deploymentName("duban-" + planId).count();
  }

  private ResponseEntity<String> post(String user, String path, String body, MediaType type) {
    return exchange(user + ":demo", HttpMethod.POST, path, body, type);
  }

  private ResponseEntity<String> exchange(
      String login, HttpMethod method, String path, String body, MediaType type) {
    String[] parts = login.split(":", 2);
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(parts[0], parts[1], StandardCharsets.UTF_8);
    headers.setContentType(new MediaType(type, StandardCharsets.UTF_8));
    return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }
}
