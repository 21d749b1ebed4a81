package org.duban.oversight;

/**
 * One line of the 通报登记簿.
 *
 * @param document whether a printable notice document exists (an issued 通报批评 or 通报表扬)
 */
public record RegisterRow(
    String noticeId,
    String planId,
    String date,
    String type,
    String typeLabel,
    String colour,
    String status,
    String statusLabel,
    String unit,
    String unitName,
    String handlerName,
    String task,
    Integer year,
    String reason,
    String issuedBy,
    String roundId,
    boolean document) {}
