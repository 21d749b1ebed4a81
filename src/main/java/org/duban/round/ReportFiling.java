package org.duban.round;

import static org.duban.names.RoundVariables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.duban.evidence.EvidenceFile;
import org.duban.identity.PeopleNames;
import org.duban.names.CompletionStatus;
import org.duban.schedule.Deadlines;
import org.springframework.stereotype.Component;

/**
 * Files a unit's checked submission as its stage's report ({@link RoundVariables#REPORT}, local to
 * the stage, so other co-units never see it) when its task completes: one variable, written once,
 * with who submitted what and when, against which due date. {@link ReportPublisher} hands the
 * reports to the lead and the supervisor once the stage is over.
 */
@Component
public class ReportFiling {

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final ObjectMapper json;
  private final Deadlines deadlines;
  private final PeopleNames people;

  public ReportFiling(ObjectMapper json, Deadlines deadlines, PeopleNames people) {
    this.json = json;
    this.deadlines = deadlines;
    this.people = people;
  }

  /** Files the report in the stage scope; {@code indicators} are the checked, exact values. */
  void file(
      DelegateExecution stage,
      String progress,
      CompletionStatus status,
      Map<String, BigDecimal> indicators,
      List<EvidenceFile> files,
      String submittedBy,
      Date submittedAt) {
    String unit = (String) stage.getVariable(UNIT);
    Date due = (Date) stage.getVariable(UNIT_DUE);
    UnitReport report =
        new UnitReport(
            unit,
            (String) stage.getVariable(UNIT_NAME),
            (String) stage.getVariable(STAGE),
            submittedBy,
            people.of(submittedBy),
            iso(submittedAt),
            iso(due),
            ReportSubmissionCheck.onTime(submittedAt, due),
            progress,
            status.name(),
            status.label,
            new LinkedHashMap<>(indicators),
            files.isEmpty() ? earlierEvidence(stage, unit) : files);
    try {
      stage.setVariableLocal(REPORT, json.writeValueAsString(report));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A report sent back for rework that uploads no new files keeps the evidence of the unit's
   * previous report: the files stay in history, and the lead need not upload them again.
   */
  private List<EvidenceFile> earlierEvidence(DelegateExecution stage, String unit) {
    String previous = (String) stage.getProcessInstance().getVariable(report(unit));
    return previous == null
        ? List.of()
        : read(previous, new TypeReference<UnitReport>() {}).evidence();
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable filed value", e);
    }
  }

  private String iso(Date date) {
    return date == null ? null : date.toInstant().atZone(deadlines.zone()).format(ISO);
  }

  /** The instant an ISO time of a filed report stands for. */
  static Date instant(String iso) {
    return Date.from(java.time.OffsetDateTime.parse(iso, ISO).toInstant());
  }
}
