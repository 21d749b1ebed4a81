package org.duban.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.duban.audit.RoundDossier.Evidence;
import org.duban.audit.RoundDossier.ReportVersion;
import org.duban.documents.LocalTimes;
import org.duban.evidence.EvidenceFile;
import org.duban.names.RoundElements;
import org.duban.names.RoundVariables;
import org.duban.round.UnitReport;
import org.springframework.stereotype.Component;

/**
 * Each unit's reports as they were filed: every write of a stage's {@link RoundVariables#REPORT}
 * that history keeps, so a report returned for rework is still there beside the one that stayed.
 * The evidence the reports list is gathered once per file, with the fingerprint recorded at filing.
 */
@Component
class FiledReports {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** The reports and the evidence they list. */
  record Filed(List<ReportVersion> reports, List<Evidence> evidence) {}

  private final HistoryService history;
  private final ObjectMapper json;
  private final LocalTimes times;

  FiledReports(HistoryService history, ObjectMapper json, LocalTimes times) {
    this.history = history;
    this.json = json;
    this.times = times;
  }

  Filed of(String processInstanceId) {
    List<HistoricVariableUpdate> writes = new ArrayList<>();
    for (HistoricDetail detail :
        history
            .createHistoricDetailQuery()
            .processInstanceId(processInstanceId)
            .variableUpdates()
            .disableBinaryFetching()
            .disableCustomObjectDeserialization()
            .orderPartiallyByOccurrence()
            .asc()
            .list()) {
      if (detail instanceof HistoricVariableUpdate update
          && RoundVariables.REPORT.equals(update.getVariableName())
          && update.getValue() instanceof String) {
        writes.add(update);
      }
    }
    Map<String, Integer> versions = new HashMap<>();
    List<UnitReport> parsed = new ArrayList<>();
    for (HistoricVariableUpdate write : writes) {
      parsed.add(parse((String) write.getValue()));
    }
    Map<String, Integer> last = new HashMap<>();
    for (int i = 0; i < parsed.size(); i++) {
      last.put(parsed.get(i).unit(), i);
    }
    List<ReportVersion> reports = new ArrayList<>();
    Map<String, Evidence> evidence = new LinkedHashMap<>();
    for (int i = 0; i < parsed.size(); i++) {
      UnitReport report = parsed.get(i);
      int version = versions.merge(report.unit(), 1, Integer::sum);
      List<String> ids = new ArrayList<>();
      for (EvidenceFile file :
          report.evidence() == null ? List.<EvidenceFile>of() : report.evidence()) {
        if (file.variableId() == null) {
          continue;
        }
        ids.add(file.variableId());
        evidence.putIfAbsent(file.variableId(), evidence(report, file));
      }
      reports.add(
          new ReportVersion(
              report.unit(),
              report.unitName(),
              report.stage(),
              RoundElements.LEAD.equals(report.stage()) ? "牵头单位汇总报送" : "成员单位报送",
              version,
              last.get(report.unit()) == i,
              report.submittedByName() != null ? report.submittedByName() : report.submittedBy(),
              local(report.submittedAt()),
              local(report.dueDate()),
              report.onTime(),
              report.completionStatus(),
              report.completionStatusLabel(),
              report.progress(),
              report.indicatorValues() == null ? Map.of() : report.indicatorValues(),
              ids,
              times.minute(writes.get(i).getTime())));
    }
    return new Filed(reports, List.copyOf(evidence.values()));
  }

  private static Evidence evidence(UnitReport report, EvidenceFile file) {
    return new Evidence(
        file.variableId(),
        report.unit(),
        report.unitName(),
        file.fileName(),
        file.mediaType(),
        file.size(),
        file.sha256(),
        "/api/evidence/" + file.variableId(),
        "/api/audit/evidence/" + file.variableId() + "/verification");
  }

  /** The report records its times with their offset, in the plans' zone: shown to the minute. */
  private String local(String iso) {
    if (iso == null || iso.isBlank()) {
      return "";
    }
    try {
      return OffsetDateTime.parse(iso).atZoneSameInstant(times.zone()).format(MINUTE);
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  private UnitReport parse(String report) {
    try {
      return json.readValue(report, UnitReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a filed report is not a report", e);
    }
  }
}
