package org.duban.ownreports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.duban.names.RoundElements;
import org.duban.round.RoundFixture;
import org.duban.testsupport.DemoHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A unit reads its own earlier reports of the task it works on, and nothing of anyone else's:
 * another unit, the office, or a stranger asking with the same task id gets no report.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
// opens and works a 2024 round of the demo task
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OwnReportsHttpTest {

  static final String JUSTICE = "wuzhong-sifaju";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;

  @Test
  void shouldAnswerOnlyTheCallersOwnUnitsReports() {
    RoundFixture round = new RoundFixture(engine);
    ProcessInstance earlier = round.start(2024);
    round.submit(earlier, RoundElements.CO_UNIT, RoundFixture.POLICE);
    round.submit(earlier, RoundElements.CO_UNIT, JUSTICE);
    round.runDueJobs();
    ProcessInstance demo =
        runtime
            .createProcessInstanceQuery()
            // the round, not the deliveries that carry its key
            .processDefinitionKey(RoundFixture.KEY)
            .processInstanceBusinessKey("wuzhong-2022/一.4-展会/2025")
            .singleResult();
    Task police = round.unitTask(demo, RoundElements.CO_UNIT, RoundFixture.POLICE);
    Task justice = round.unitTask(demo, RoundElements.CO_UNIT, JUSTICE);
    DemoHttp http = new DemoHttp(rest);
    String path = "/api/own-reports?taskId=";

    JsonNode own = http.get(RoundFixture.POLICE, path + police.getId());
    assertThat(own.isArray()).as("%s", own).isTrue();
    assertThat(own).hasSize(1);
    assertThat(own.get(0).get("unit").asText()).isEqualTo(RoundFixture.POLICE);
    assertThat(own.get(0).get("year").asText()).isEqualTo("2024");
    assertThat(own.get(0).get("thisRound").asBoolean()).isFalse();
    assertThat(own.get(0).get("progress").asText()).isEqualTo(RoundFixture.POLICE + " 本年度工作进展");

    JsonNode justicesOwn = http.get(JUSTICE, path + justice.getId());
    assertThat(justicesOwn).hasSize(1);
    assertThat(justicesOwn.get(0).get("unit").asText()).isEqualTo(JUSTICE);

    for (String stranger : new String[] {JUSTICE, RoundFixture.SUPERVISOR, "auditor"}) {
      var refused = http.exchange(stranger, HttpMethod.GET, path + police.getId(), null);
      assertThat(refused.getStatusCode().value()).as(stranger).isEqualTo(403);
      assertThat(refused.getBody()).as(stranger).contains("只能查看本单位的报送记录").doesNotContain("本年度工作进展");
    }
    assertThat(http.status(RoundFixture.POLICE, HttpMethod.GET, path + "no-such-task", null))
        .isEqualTo(404);
    assertThat(http.status(null, HttpMethod.GET, path + police.getId(), null)).isEqualTo(401);
  }
}
