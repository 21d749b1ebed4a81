package org.duban.round;

import static org.duban.names.RoundVariables.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.supervision.Notices;
import org.springframework.stereotype.Component;

/**
 * After a unit's report is filed ({@link ReportFiling}), tells the office's waiting sanctions
 * against the unit that it has reported. Runs after the asynchronous continuation, so parallel
 * co-units reach this point one at a time in retried jobs, never in the user's request.
 */
@Component("reportCollector")
public class ReportCollector implements JavaDelegate {

  private final ObjectMapper json;
  private final Notices notices;

  public ReportCollector(ObjectMapper json, Notices notices) {
    this.json = json;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    UnitReport report =
        json.readValue(
            (String) ReportStage.scopeOf(execution).getVariableLocal(REPORT), UnitReport.class);
    // a sanction proposed while the unit was late, and not yet decided, now says the unit reported
    notices.unitReported(
        (String) execution.getVariable(PLAN_ID),
        execution.getProcessBusinessKey(),
        report.unit(),
        ReportFiling.instant(report.submittedAt()),
        "【该单位已于 "
            + report.submittedAt().substring(0, 10)
            + " 报送"
            + (report.onTime() ? "" : ",逾期报送")
            + "】");
  }
}
