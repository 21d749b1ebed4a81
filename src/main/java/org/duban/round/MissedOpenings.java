package org.duban.round;

import static org.duban.names.RoundVariables.PERIOD;
import static org.duban.names.RoundVariables.YEAR;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.TaskEntry;
import org.duban.engine.SystemQueries;
import org.duban.modeling.ReplacedTimers;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundElements;
import org.duban.schedule.Deadlines;
import org.duban.schedule.RoundRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The round openings a redeployment would lose. A new version of a round process replaces the
 * previous version's timer start and computes its next date from now, so a timer that fell due
 * while the server was down (its round not yet opened) would never fire. Around a plan's
 * deployment, such a timer is noted before and its round opened after, for the period running on
 * the day the timer was due, unless that round exists already. A timer the deployment leaves in
 * place fires by itself; a plan deployed for the first time has no timer to miss.
 */
@Component
public class MissedOpenings implements ReplacedTimers {

  private static final Logger log = LoggerFactory.getLogger(MissedOpenings.class);

  private final ManagementService management;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final IdentityService identity;
  private final Deadlines deadlines;

  public MissedOpenings(
      ManagementService management,
      RuntimeService runtime,
      HistoryService history,
      IdentityService identity,
      Deadlines deadlines) {
    this.management = management;
    this.runtime = runtime;
    this.history = history;
    this.identity = identity;
    this.deadlines = deadlines;
  }

  /** Deploys the plan with {@code deployment}, then opens the rounds whose timer it replaced. */
  @Override
  public <T> T around(PlanCatalog plan, Supplier<T> deployment) {
    Map<String, TaskEntry> tasks = new LinkedHashMap<>();
    plan.tasks().forEach(t -> tasks.put(ProcessKeys.round(plan.id(), t.number()), t));
    List<Job> due =
        SystemQueries.outsideAuthorizations(
            identity,
            () ->
                management
                    .createJobQuery()
                    .timers()
                    .activityId(RoundElements.START_YEARLY)
                    .duedateLowerThan(ClockUtil.getCurrentTime())
                    .list()
                    .stream()
                    .filter(j -> j.getProcessInstanceId() == null)
                    .filter(j -> tasks.containsKey(j.getProcessDefinitionKey()))
                    .toList());
    T result = deployment.get();
    if (!due.isEmpty()) {
      SystemQueries.outsideAuthorizations(
          identity,
          () -> {
            openReplaced(plan, tasks, due);
            return null;
          });
    }
    return result;
  }

  private void openReplaced(PlanCatalog plan, Map<String, TaskEntry> tasks, List<Job> due) {
    Set<String> left = new HashSet<>();
    management
        .createJobQuery()
        .jobIds(new HashSet<>(due.stream().map(Job::getId).toList()))
        .list()
        .forEach(j -> left.add(j.getId()));
    for (Job timer : due) {
      if (left.contains(timer.getId())) {
        continue; // not replaced: it fires by itself
      }
      String key = timer.getProcessDefinitionKey();
      TaskEntry task = tasks.get(key);
      RoundOpening.Slot slot =
          RoundOpening.slotOfTimer(
              RoundRules.of(plan.calendar(), task), deadlines.day(timer.getDuedate()));
      String businessKey =
          ProcessKeys.businessKey(plan.id(), task.number(), slot.year(), slot.period());
      if (history
              .createHistoricProcessInstanceQuery()
              .processDefinitionKey(key)
              .processInstanceBusinessKey(businessKey)
              .count()
          > 0) {
        continue;
      }
      try {
        runtime.startProcessInstanceByKey(
            key, Map.of(YEAR, slot.year(), PERIOD, slot.period().code));
        log.info(
            "Round {} opened: its timer was due {} and the new version of {} replaced it",
            businessKey,
            timer.getDuedate(),
            key);
      } catch (RoundRefusedException e) {
        log.warn("Round {} whose timer was missed not opened: {}", businessKey, e.getMessage());
      }
    }
  }
}
