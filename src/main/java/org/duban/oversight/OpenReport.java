package org.duban.oversight;

import java.util.Date;
import org.camunda.bpm.engine.task.Task;

/**
 * A unit's open report task with what the views need beside it.
 *
 * @param unit the unit's group id, from the task's stage
 * @param warningLevel the highest escalation rung reached (ordinal of RoundElements.Rung), or null
 */
public record OpenReport(Task task, String unit, Integer warningLevel) {

  public String roundId() {
    return task.getProcessInstanceId();
  }

  public Date due() {
    return task.getDueDate();
  }
}
