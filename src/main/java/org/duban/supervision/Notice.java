package org.duban.supervision;

import static org.duban.names.RoundVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.duban.names.NoticeType;

/**
 * One notice about one unit in one round.
 *
 * @param handler the person who held the unit's task (经办人员), or null if nobody had claimed it
 */
public record Notice(
    NoticeType type,
    String planId,
    String roundKey,
    String roundInstanceId,
    String roundTitle,
    String unit,
    String unitName,
    String handler,
    String reason,
    String supervisorGroup) {

  /** Collects the round's facts once, for the notices one step may issue. */
  public static final class Builder {
    private final DelegateExecution round;
    private final String unit;
    private final String unitName;
    private final String handler;

    public Builder(DelegateExecution round, String unit, String unitName, String handler) {
      this.round = round;
      this.unit = unit;
      this.unitName = unitName;
      this.handler = handler;
    }

    public Notice build(NoticeType type, String reason) {
      return new Notice(
          type,
          (String) round.getVariable(PLAN_ID),
          round.getProcessBusinessKey(),
          round.getProcessInstanceId(),
          (String) round.getVariable(ROUND_TITLE),
          unit,
          unitName,
          handler,
          reason,
          (String) round.getVariable(SUPERVISOR_GROUP));
    }
  }
}
