package org.duban.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.round.RoundFixture.*;

import java.time.LocalDate;
import java.time.Period;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.catalog.RoundCalendar;
import org.duban.modeling.PlanDeployment;
import org.duban.names.RoundElements;
import org.duban.testsupport.ProcessCoverage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A catalog edited while rounds run: the running round keeps the rules it opened with (co-unit lead
 * time, rework time), and only rounds opened after the change follow the new ones. The rules travel
 * in each process version's model.
 */
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ProcessCoverage
class RoundRulesSnapshotTest {

  @Autowired ProcessEngine engine;
  @Autowired PlanCatalogs catalogs;
  @Autowired PlanDeployment deployment;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void editingTheCatalogLeavesRunningRoundsAsTheyOpened() {
    RoundFixture rounds = new RoundFixture(engine);
    ClockUtil.setCurrentTime(at(2025, 1, 2));
    ProcessInstance running = rounds.start(2025);

    PlanCatalog original = catalogs.require(PLAN);
    RoundCalendar c = original.calendar();
    PlanCatalog edited =
        new PlanCatalog(
            original.plan(),
            new RoundCalendar(
                c.roundStarts(),
                c.reportDue(),
                Period.ofDays(3),
                Period.ofDays(20),
                c.evaluationStarts(),
                c.midTermEvery(),
                c.minimumLeadTime(),
                c.reviewTime(),
                c.decisionTime(),
                c.reporting(),
                c.periodDue()),
            original.escalation(),
            original.units(),
            original.tasks());
    deployment.deploy(edited);
    catalogs.register(edited);

    // co-units late (due 12-05): the lead still gets the old 10 days after the last report, not 3
    rounds.moveTo(at(2025, 12, 10));
    rounds.submitAllCoUnits(running);
    assertThat(day(rounds.leadTask(running).getDueDate())).isEqualTo(LocalDate.of(2025, 12, 20));
    rounds.submit(running, RoundElements.LEAD, LEAD);
    rounds.runDueJobs();
    rounds.review(running, "RETURN", null, "请补充执法检查数据");
    assertThat(day(rounds.leadTask(running).getDueDate()))
        .as("rework due the old 10 days after the return")
        .isEqualTo(LocalDate.of(2025, 12, 20));

    ClockUtil.setCurrentTime(at(2024, 1, 2));
    ProcessInstance next = rounds.start(2024);
    assertThat(day(rounds.coUnitTasks(next).get(0).getDueDate()))
        .as("a round opened after the edit: co-units 3 days before the lead")
        .isEqualTo(LocalDate.of(2024, 12, 12));

    deployment.deploy(original);
    catalogs.register(original);
  }
}
