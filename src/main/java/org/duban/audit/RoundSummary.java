package org.duban.audit;

/**
 * One round as the search lists it; times in the plans' zone.
 *
 * @param state the engine's state (ACTIVE, COMPLETED …), {@code stateLabel} as people read it
 * @param outcome COMPLETED or CLOSED_OUT once reviewed, else null
 */
public record RoundSummary(
    String processInstanceId,
    String businessKey,
    String planId,
    String taskNumber,
    Integer year,
    String title,
    String leadUnit,
    String leadUnitName,
    String state,
    String stateLabel,
    String outcome,
    String outcomeLabel,
    String startTime,
    String endTime) {

  public boolean finished() {
    return endTime != null && !endTime.isEmpty();
  }
}
