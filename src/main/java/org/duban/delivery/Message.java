package org.duban.delivery;

import java.time.LocalDate;

/**
 * One message about one unit in one round, before it is addressed: what happened and where the
 * recipient acts on it.
 *
 * @param due the unit's due date, or null where the message has none (a commendation)
 * @param reason the reminder's, notice's or return's own words, or null
 * @param taskId the Tasklist task the message links to, or null for Tasklist's start page
 */
public record Message(
    MessageKind kind,
    String planId,
    String planTitle,
    String roundKey,
    String roundTitle,
    String taskNumber,
    String taskTitle,
    Integer year,
    String unit,
    String unitName,
    LocalDate due,
    String reason,
    String taskId) {}
