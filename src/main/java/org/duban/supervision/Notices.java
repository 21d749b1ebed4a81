package org.duban.supervision;

import static org.duban.names.NoticeVariables.*;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.duban.engine.SystemQueries;
import org.duban.identity.PeopleNames;
import org.duban.names.NoticeStatus;
import org.duban.names.ProcessKeys;
import org.springframework.stereotype.Service;

/**
 * Issues notices. Each notice is an instance of its plan's notice process, business key = the
 * round's key: history keeps it with time, unit, handler, reason and status. A sanction (通报批评,
 * 再次通报批评, 约谈) starts as the office's proposal; the rest are issued at once.
 */
@Service
public class Notices {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final PeopleNames people;

  public Notices(RuntimeService runtime, TaskService tasks, PeopleNames people) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.people = people;
  }

  public void issue(Notice notice) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(TYPE, notice.type().name());
    vars.put(TYPE_LABEL, notice.type().label);
    vars.put(COLOUR, notice.type().colour);
    vars.put(
        STATUS, (notice.type().officeDecides ? NoticeStatus.PROPOSED : NoticeStatus.ISSUED).name());
    vars.put(PLAN_ID, notice.planId());
    vars.put(ROUND_KEY, notice.roundKey());
    vars.put(ROUND_INSTANCE_ID, notice.roundInstanceId());
    vars.put(ROUND_TITLE, notice.roundTitle());
    vars.put(UNIT, notice.unit());
    vars.put(UNIT_NAME, notice.unitName());
    vars.put(HANDLER, notice.handler());
    vars.put(HANDLER_NAME, people.of(notice.handler()));
    vars.put(REASON, notice.reason());
    vars.put(SUPERVISOR_GROUP, notice.supervisorGroup());
    vars.put(ISSUED_AT, ClockUtil.getCurrentTime());
    // notices are the system's act, whoever's action triggered them
    SystemQueries.run(
        () ->
            runtime.startProcessInstanceByKey(
                ProcessKeys.notice(notice.planId()), notice.roundKey(), vars));
  }

  /**
   * The unit has reported while a sanction against it still waits for the office: the proposal says
   * so, in its variables and on the office's task, and the office decides with that in view.
   */
  public void unitReported(
      String planId, String roundKey, String unit, Date reportedAt, String note) {
    SystemQueries.run(
        () -> {
          for (ProcessInstance proposal :
              runtime
                  .createProcessInstanceQuery()
                  .processDefinitionKey(ProcessKeys.notice(planId))
                  .processInstanceBusinessKey(roundKey)
                  .variableValueEquals(UNIT, unit)
                  .variableValueEquals(STATUS, NoticeStatus.PROPOSED.name())
                  .list()) {
            runtime.setVariable(proposal.getId(), UNIT_REPORTED_AT, reportedAt);
            for (Task task : tasks.createTaskQuery().processInstanceId(proposal.getId()).list()) {
              task.setDescription(
                  note + " " + (task.getDescription() == null ? "" : task.getDescription()));
              tasks.saveTask(task);
            }
          }
          return null;
        });
  }
}
