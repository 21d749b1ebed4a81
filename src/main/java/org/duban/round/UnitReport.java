package org.duban.round;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Map;
import org.duban.evidence.EvidenceFile;

/**
 * One unit's submitted report as the round keeps it (JSON in {@code report_<unit>}): what the lead
 * consolidates, what the supervisor reviews and what auditors read later.
 *
 * @param indicatorValues indicator → the value as submitted, a plain decimal read back exactly (a
 *     BigDecimal, see {@link ExactNumbers}), whichever mapper reads the report
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
    @JsonDeserialize(contentUsing = ExactNumbers.class) Map<String, Object> indicatorValues,
    List<EvidenceFile> evidence) {}
