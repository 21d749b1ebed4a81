package org.duban.demo;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.duban.config.DubanProperties;
import org.duban.identity.UnitDirectory;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundVariables;
import org.duban.schedule.Deadlines;
import org.duban.startup.StartupSequence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: one user per group (login = group id, password from duban.demo.password), an
 * auditor, and one open round so a new user finds work in the inboxes. The demo round's lead
 * deadline is moved to start-up + duban.demo.lead-due-in so that its deadlines lie ahead; every
 * other round keeps the plan's calendar.
 */
@Component
@Profile("demo")
@Order(20)
public class DemoData implements StartupSequence.Step {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  public static final String AUDITOR = "auditor";

  private final UnitDirectory directory;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final DubanProperties.Demo demo;
  private final Deadlines deadlines;
  private final Environment environment;

  public DemoData(
      UnitDirectory directory,
      IdentityService identity,
      RuntimeService runtime,
      HistoryService history,
      DubanProperties properties,
      Deadlines deadlines,
      Environment environment) {
    this.directory = directory;
    this.identity = identity;
    this.runtime = runtime;
    this.history = history;
    this.demo = properties.demo();
    this.deadlines = deadlines;
    this.environment = environment;
  }

  @Override
  public void run() {
    if (!demo.enabled() || demo.password() == null) {
      return;
    }
    for (UnitDirectory.Entry group : directory.all()) {
      String role = group.type().equals(UnitDirectory.TYPE_OFFICE) ? "督办人员" : "经办人员";
      // Chinese names read family name first: "市公安局" + "经办人员"
      user(group.id(), role, group.name(), group.id());
    }
    user(AUDITOR, "人员", "审计", UnitDirectory.AUDITORS);
    startDemoRound();
    String port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8080"));
    log.info(
        """

        ===============================================================
          Duban 督办 is running: http://localhost:{}/camunda/app/tasklist/
          Cockpit: /camunda/app/cockpit/   Admin: /camunda/app/admin/
          Demo logins (password "{}"): a unit's login is its group id,
          e.g. wuzhong-gonganju (市公安局), wuzhong-shichangjianguanju (lead),
          supervisor wuzhong-lianxihuiyiban, auditor "auditor"; admin / admin
        ===============================================================""",
        port,
        demo.password());
  }

  private void user(String id, String firstName, String lastName, String groupId) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setPassword(demo.password());
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(id, groupId);
    }
  }

  private void startDemoRound() {
    String[] parts = demo.round().split("/");
    String planId = parts[0];
    String taskNumber = parts[1];
    int year = Integer.parseInt(parts[2]);
    String businessKey = ProcessKeys.businessKey(planId, taskNumber, year);
    if (history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).count()
        > 0) {
      return;
    }
    LocalDate leadDue = deadlines.today().plusDays(demo.leadDueIn().toDays());
    runtime.startProcessInstanceByKey(
        ProcessKeys.round(planId, taskNumber),
        Map.of(RoundVariables.YEAR, year, RoundVariables.LEAD_DUE_OVERRIDE, leadDue.toString()));
    log.info("Demo round {} started; lead due {}", businessKey, leadDue);
  }
}
