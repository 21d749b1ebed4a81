package org.duban.oversight;

/**
 * One line of the 逾期台账: a unit's open report task past its due date.
 *
 * @param rung the highest escalation rung reached, as the ladder names it, or "" for none yet
 * @param proposals sanctions proposed for the unit in this round that wait for the office
 */
public record LedgerRow(
    String planId,
    String planTitle,
    String taskNumber,
    String taskTitle,
    Integer year,
    String unit,
    String unitName,
    String handler,
    String handlerName,
    String due,
    long daysOverdue,
    String rung,
    String proposals,
    String roundId,
    String taskId) {}
