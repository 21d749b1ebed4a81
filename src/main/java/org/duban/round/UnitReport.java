package org.duban.round;

import java.util.List;
import java.util.Map;
import org.duban.evidence.EvidenceFile;

/**
 * One unit's submitted report as the round keeps it (JSON in {@code report_<unit>}): what the lead
 * consolidates, what the supervisor reviews and what auditors read later.
 */
public record UnitReport(
    String unit,
    String unitName,
    String stage,
    String submittedBy,
    String submittedByName,
    String submittedAt,
    String dueDate,
    boolean onTime,
    String progress,
    String completionStatus,
    String completionStatusLabel,
    Map<String, Object> indicatorValues,
    List<EvidenceFile> evidence) {}
