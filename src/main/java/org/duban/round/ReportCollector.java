package org.duban.round;

import static org.duban.names.RoundVariables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.evidence.EvidenceFile;
import org.duban.identity.PeopleNames;
import org.duban.names.CompletionStatus;
import org.duban.names.RoundVariables;
import org.duban.schedule.Deadlines;
import org.duban.supervision.Notices;
import org.springframework.stereotype.Component;

/**
 * Files a unit's accepted submission as its stage's report ({@link ReportStage#REPORT}, local to
 * the stage, so other co-units never see it). {@link ReportPublisher} hands the reports to the lead
 * and the supervisor once the stage is over. Runs after the asynchronous continuation, so parallel
 * co-units reach this point one at a time in retried jobs, never in the user's request.
 */
@Component("reportCollector")
public class ReportCollector implements JavaDelegate {

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final ObjectMapper json;
  private final Deadlines deadlines;
  private final PeopleNames people;
  private final Notices notices;

  public ReportCollector(
      ObjectMapper json, Deadlines deadlines, PeopleNames people, Notices notices) {
    this.json = json;
    this.deadlines = deadlines;
    this.people = people;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    String unit = (String) execution.getVariable(UNIT);
    Date submittedAt = (Date) execution.getVariable(RoundVariables.SUBMITTED_AT);
    Date due = (Date) execution.getVariable(UNIT_DUE);
    CompletionStatus status =
        CompletionStatus.valueOf((String) execution.getVariable(COMPLETION_STATUS));
    List<EvidenceFile> files =
        json.readValue(
            (String) execution.getVariable(RoundVariables.EVIDENCE_FILES),
            new TypeReference<List<EvidenceFile>>() {});
    List<EvidenceFile> located = files;
    if (located.isEmpty()) {
      located = earlierEvidence(execution, unit);
    }
    UnitReport report =
        new UnitReport(
            unit,
            (String) execution.getVariable(UNIT_NAME),
            (String) execution.getVariable(STAGE),
            (String) execution.getVariable(RoundVariables.SUBMITTED_BY),
            people.of((String) execution.getVariable(RoundVariables.SUBMITTED_BY)),
            iso(submittedAt),
            iso(due),
            ReportSubmissionCheck.onTime(submittedAt, due),
            (String) execution.getVariable(PROGRESS),
            status.name(),
            status.label,
            indicators((String) execution.getVariable(INDICATOR_VALUES)),
            located);
    ReportStage.scopeOf(execution)
        .setVariableLocal(RoundVariables.REPORT, json.writeValueAsString(report));
    // a sanction proposed while the unit was late, and not yet decided, now says the unit reported
    notices.unitReported(
        (String) execution.getVariable(PLAN_ID),
        execution.getProcessBusinessKey(),
        unit,
        submittedAt,
        "【该单位已于 "
            + iso(submittedAt).substring(0, 10)
            + " 报送"
            + (report.onTime() ? "" : ",逾期报送")
            + "】");
  }

  /**
   * A report sent back for rework that uploads no new files keeps the evidence of the unit's
   * previous report: the files stay in history, and the lead need not upload them again.
   */
  private List<EvidenceFile> earlierEvidence(DelegateExecution execution, String unit)
      throws JsonProcessingException {
    String previous = (String) execution.getProcessInstance().getVariable(report(unit));
    return previous == null ? List.of() : json.readValue(previous, UnitReport.class).evidence();
  }

  private Map<String, Object> indicators(String raw) throws JsonProcessingException {
    if (raw == null || raw.isBlank()) {
      return Map.of();
    }
    return json.readValue(raw, new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  private String iso(Date date) {
    return date == null ? null : date.toInstant().atZone(deadlines.zone()).format(ISO);
  }
}
