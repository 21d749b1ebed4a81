package org.duban.extension;

import java.util.Date;

/**
 * One extension request as history keeps it: who asked when and why, the dates, and the office's
 * decision with who decided when and what it did to the round.
 *
 * @param status PENDING, APPROVED or REFUSED ({@link org.duban.names.ExtensionStatus})
 * @param grantedDue the day the task is now due after an approval, or null
 */
public record ExtensionRecord(
    String id,
    String roundKey,
    String roundTitle,
    String stage,
    String unit,
    String unitName,
    String requestedBy,
    String requestedByName,
    Date requestedAt,
    String reason,
    String currentDue,
    String proposedDue,
    Integer requestNumber,
    String status,
    String statusLabel,
    String grantedDue,
    String refusalReason,
    String decidedBy,
    String decidedByName,
    Date decidedAt,
    String outcomeNote) {}
