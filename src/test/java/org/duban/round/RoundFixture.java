package org.duban.round;

import static org.duban.names.RoundVariables.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.duban.names.NoticeVariables;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundElements;

/**
 * The trade-fair task's rounds as a test tells them: start a round, let units submit, move the
 * engine clock and run the jobs that fall due. No sleeps: time moves only through ClockUtil.
 */
public class RoundFixture {

  public static final String PLAN = "wuzhong-2022";
  public static final String TASK = "一.4-展会";
  public static final String KEY = ProcessKeys.round(PLAN, TASK);
  public static final String LEAD = "wuzhong-shichangjianguanju";
  public static final String SUPERVISOR = "wuzhong-lianxihuiyiban";
  public static final String POLICE = "wuzhong-gonganju";
  public static final List<String> CO_UNITS =
      List.of(
          "wuzhong-shiweixuanchuanbu",
          "wuzhong-gonganju",
          "wuzhong-sifaju",
          "wuzhong-ziranziyuanju",
          "wuzhong-nongyenongcunju",
          "wuzhong-wenlvtiguangju",
          "wuzhong-zhongjifayuan",
          "wuzhong-jianchayuan");
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  final RuntimeService runtime;
  final TaskService tasks;
  final ManagementService management;
  final HistoryService history;
  final FormService forms;

  public RoundFixture(ProcessEngine engine) {
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.history = engine.getHistoryService();
    this.forms = engine.getFormService();
  }

  private RoundFixture(ManagementService management) {
    this.runtime = null;
    this.tasks = null;
    this.management = management;
    this.history = null;
    this.forms = null;
  }

  public static Date at(int year, int month, int day) {
    return at(LocalDateTime.of(year, month, day, 9, 0));
  }

  public static Date at(LocalDateTime time) {
    return Date.from(time.atZone(ZONE).toInstant());
  }

  public static LocalDate day(Date date) {
    return date.toInstant().atZone(ZONE).toLocalDate();
  }

  /** Sets the engine clock and runs every job due by then (timers, async continuations). */
  public void moveTo(Date time) {
    ClockUtil.setCurrentTime(time);
    runDueJobs();
  }

  public ProcessInstance start(int year) {
    return runtime.startProcessInstanceByKey(KEY, Map.of(YEAR, year));
  }

  public List<Task> coUnitTasks(ProcessInstance round) {
    return tasks
        .createTaskQuery()
        .processInstanceId(round.getId())
        .taskDefinitionKey(RoundElements.reportTask(RoundElements.CO_UNIT))
        .list();
  }

  public Task unitTask(ProcessInstance round, String stage, String unit) {
    return tasks
        .createTaskQuery()
        .processInstanceId(round.getId())
        .taskDefinitionKey(RoundElements.reportTask(stage))
        .taskCandidateGroup(unit)
        .includeAssignedTasks()
        .singleResult();
  }

  public Task leadTask(ProcessInstance round) {
    return unitTask(round, RoundElements.LEAD, LEAD);
  }

  public Task reviewTask(ProcessInstance round) {
    return tasks
        .createTaskQuery()
        .processInstanceId(round.getId())
        .taskDefinitionKey(RoundElements.REVIEW)
        .singleResult();
  }

  public Map<String, Object> report(String progress, FileValue... evidence) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(PROGRESS, progress);
    vars.put(COMPLETION_STATUS, "ON_TRACK");
    for (int i = 0; i < evidence.length; i++) {
      vars.put(evidence(i + 1), evidence[i]);
    }
    return vars;
  }

  /** A unit's handler claims the task and submits a report with one PDF. */
  public void submit(ProcessInstance round, String stage, String unit) {
    Task task = unitTask(round, stage, unit);
    tasks.claim(task.getId(), unit + "-handler");
    tasks.complete(task.getId(), report(unit + " 本年度工作进展", pdf("工作总结.pdf")));
  }

  public void submitAllCoUnits(ProcessInstance round) {
    submitCoUnitsExcept(round, null);
    runDueJobs();
  }

  /** Every co-unit, then the lead, reports: the round waits for the supervisor's review. */
  public void allUnitsReport(ProcessInstance round) {
    submitAllCoUnits(round);
    submit(round, RoundElements.LEAD, LEAD);
    runDueJobs();
  }

  /** Every co-unit but the one left late submits (jobs not yet run). */
  public void submitCoUnitsExcept(ProcessInstance round, String late) {
    for (String unit : CO_UNITS) {
      if (!unit.equals(late)) {
        submit(round, RoundElements.CO_UNIT, unit);
      }
    }
  }

  public void review(ProcessInstance round, String decision, String rating, String reason) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(REVIEW_DECISION, decision);
    vars.put(REVIEW_RATING, rating);
    vars.put(RETURN_REASON, reason);
    // through the form, as Tasklist submits it: the form's rules run at submit and again on
    // completion
    forms.submitTaskForm(reviewTask(round).getId(), vars);
    runDueJobs();
  }

  /**
   * Runs due jobs like the job executor: in a loop, retrying a job that lost an optimistic lock.
   */
  public void runDueJobs() {
    runJobs(() -> management.createJobQuery().executable(), "jobs");
  }

  /** The same for one instance only, so that no deployment's yearly timer start fires meanwhile. */
  public static void runDueJobsOf(ManagementService management, ProcessInstance instance) {
    new RoundFixture(management)
        .runJobs(
            () -> management.createJobQuery().processInstanceId(instance.getId()).executable(),
            "jobs of " + instance.getBusinessKey());
  }

  /**
   * Runs the asynchronous continuations only (no timers), for tests on the running application
   * whose clock is real: a submitted report reaches its stage's end, a finished stage the next.
   */
  public static void runContinuations(ManagementService management) {
    new RoundFixture(management)
        .runJobs(() -> management.createJobQuery().executable().messages(), "continuations");
  }

  private void runJobs(Supplier<JobQuery> due, String what) {
    for (int pass = 0; pass < 100; pass++) {
      List<Job> jobs = due.get().list();
      if (jobs.isEmpty()) {
        return;
      }
      for (Job job : jobs) {
        try {
          management.executeJob(job.getId());
        } catch (OptimisticLockingException e) {
          // the job executor retries such a job; so does the next pass
        }
      }
    }
    throw new AssertionError(what + " still due after 100 passes");
  }

  public List<HistoricProcessInstance> notices(ProcessInstance round, String type) {
    return history
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.notice(PLAN))
        .processInstanceBusinessKey(round.getBusinessKey())
        .variableValueEquals(NoticeVariables.TYPE, type)
        .orderByProcessInstanceStartTime()
        .asc()
        .list();
  }

  /** The open task of a notice: the office's decision, or the unit's receipt. */
  public Task noticeTask(HistoricProcessInstance notice) {
    return tasks.createTaskQuery().processInstanceId(notice.getId()).singleResult();
  }

  /** The office decides on a proposed notice through its form, as Tasklist submits it. */
  public void decide(HistoricProcessInstance notice, Map<String, Object> form) {
    forms.submitTaskForm(noticeTask(notice).getId(), form);
  }

  public List<Task> unitTasksOf(String unit, String taskDefinitionKey) {
    return tasks
        .createTaskQuery()
        .taskCandidateGroup(unit)
        .taskDefinitionKey(taskDefinitionKey)
        .list();
  }

  public Object noticeVariable(HistoricProcessInstance notice, String name) {
    return history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(notice.getId())
        .variableName(name)
        .singleResult()
        .getValue();
  }

  public List<String> noticeUnits(ProcessInstance round, String type) {
    List<String> units = new ArrayList<>();
    for (HistoricProcessInstance n : notices(round, type)) {
      units.add((String) noticeVariable(n, NoticeVariables.UNIT));
    }
    return units;
  }

  public static FileValue pdf(String name) {
    return file(
        name,
        "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII),
        "application/pdf");
  }

  public static FileValue file(String name, byte[] bytes, String mimeType) {
    return Variables.fileValue(name).file(bytes).mimeType(mimeType).create();
  }

  /** Removes every round and notice so each scenario starts from an empty engine. */
  public void clear() {
    runtime
        .createProcessInstanceQuery()
        .list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test clean-up", true, true));
    List<String> finished =
        history.createHistoricProcessInstanceQuery().list().stream()
            .map(HistoricProcessInstance::getId)
            .toList();
    if (!finished.isEmpty()) {
      history.deleteHistoricProcessInstances(finished);
    }
    ClockUtil.reset();
  }
}
