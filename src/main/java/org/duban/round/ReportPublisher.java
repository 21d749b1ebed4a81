package org.duban.round;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.duban.catalog.Target;
import org.duban.engine.SystemQueries;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundElements;
import org.duban.names.RoundVariables;
import org.duban.targets.RoundTargets;
import org.springframework.stereotype.Component;

/**
 * Publishes the reports of a finished stage as round variables {@code report_<unit>}, where the
 * lead's and the supervisor's forms read them. Reports stay in their stages until then: a variable
 * of the round would be readable from every co-unit's task, and a unit must not read another's
 * report. Runs in its own job (asyncBefore), so history already holds every stage's report; the
 * latest report of a unit wins (a lead's report after a return replaces the earlier one).
 */
@Component("reportPublisher")
public class ReportPublisher implements JavaDelegate {

  private final HistoryService history;
  private final ObjectMapper json;

  public ReportPublisher(HistoryService history, ObjectMapper json) {
    this.history = history;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    List<HistoricVariableInstance> filed =
        SystemQueries.run(
            () ->
                history
                    .createHistoricVariableInstanceQuery()
                    .processInstanceId(execution.getProcessInstanceId())
                    .variableName(RoundVariables.REPORT)
                    .list());
    filed.sort(Comparator.comparing(HistoricVariableInstance::getCreateTime));
    for (HistoricVariableInstance report : filed) {
      String value = (String) report.getValue();
      if (value != null) {
        UnitReport parsed = json.readValue(value, UnitReport.class);
        execution.setVariable(RoundVariables.report(parsed.unit()), value);
      }
    }
    if (RoundElements.PUBLISH_LEAD_REPORT.equals(execution.getCurrentActivityId())) {
      publishTargetResults(execution);
    }
  }

  /** The lead's values against the round's targets, for the review and the supervisors' views. */
  private void publishTargetResults(DelegateExecution execution) throws Exception {
    String targets = (String) execution.getVariable(RoundVariables.TARGETS);
    String lead = (String) execution.getVariable(RoundVariables.LEAD_UNIT);
    if (targets == null || lead == null) {
      return;
    }
    String report = (String) execution.getVariable(RoundVariables.report(lead));
    var values = report == null ? null : json.readValue(report, UnitReport.class).indicatorValues();
    int year = ((Number) execution.getVariable(RoundVariables.YEAR)).intValue();
    List<Target> declared = json.readValue(targets, new TypeReference<List<Target>>() {});
    execution.setVariable(
        RoundVariables.TARGET_RESULTS,
        json.writeValueAsString(
            RoundTargets.results(
                declared, year, ProcessKeys.periodOf(execution.getProcessBusinessKey()), values)));
  }
}
