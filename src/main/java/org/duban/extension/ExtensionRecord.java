package org.duban.extension;

/**
 * One extension request as history keeps it: who asked when and why, the dates, and the office's
 * decision with who decided when and what it did to the round.
 *
 * @param unitTaskId the unit's report task the request was made on
 * @param status PENDING, APPROVED or REFUSED ({@link org.duban.names.ExtensionStatus})
 *     <p>Times are local to the plans' zone, to the minute (yyyy-MM-dd HH:mm).
 * @param grantedDue the day the task is now due after an approval, or null
 */
public record ExtensionRecord(
    String id,
    String unitTaskId,
    String roundKey,
    String roundTitle,
    String stage,
    String unit,
    String unitName,
    String requestedBy,
    String requestedByName,
    String requestedAt,
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
    String decidedAt,
    String outcomeNote) {}
