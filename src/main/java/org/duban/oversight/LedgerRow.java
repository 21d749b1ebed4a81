package org.duban.oversight;

/**
 * One line of the 逾期台账: a unit's open report task past its due date.
 *
 * @param year the year the round reports on
 * @param period the round's reporting period of the year (H1, Q2, …), null for the full-year round
 * @param periodLabel the period as a person reads it, e.g. 2025年上半年; null for the full-year round
 * @param rung the highest escalation rung reached, as the ladder names it, or "" for none yet
 * @param proposals sanctions proposed for the unit in this round that wait for the office
 */
public record LedgerRow(
    String planId,
    String planTitle,
    String taskNumber,
    String taskTitle,
    Integer year,
    String period,
    String periodLabel,
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
