package org.duban.round;

import static org.duban.round.RoundVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.duban.DubanProperties;
import org.duban.modeling.RoundElements;
import org.springframework.stereotype.Component;

/**
 * Opens one unit's report stage (each co-unit's, or the lead's). Declares the report variables in
 * this stage's own scope, so that a unit's submission lands here and never in a variable shared
 * with the other units: parallel co-units cannot overwrite or collide with each other.
 */
@Component("reportStage")
public class ReportStage implements ExecutionListener {

  public static final String EVIDENCE_FILES = "evidenceFiles";
  public static final String SUBMITTED_BY = "submittedBy";
  public static final String SUBMITTED_AT = "submittedAt";
  /** The stage's filed report (JSON {@link UnitReport}); kept in history once the stage ends. */
  public static final String REPORT = "report";

  private final RoundTasks tasks;
  private final Deadlines deadlines;
  private final int maxEvidenceFiles;

  public ReportStage(RoundTasks tasks, Deadlines deadlines, DubanProperties properties) {
    this.tasks = tasks;
    this.deadlines = deadlines;
    this.maxEvidenceFiles = properties.evidence().maxFiles();
  }

  @Override
  public void notify(DelegateExecution execution) {
    RoundTask round = tasks.of(execution);
    boolean lead = RoundElements.LEAD_STAGE.equals(execution.getCurrentActivityId());
    // a co-unit's group is the multi-instance element variable, held by the parent instance execution
    String unit = (String) execution.getVariable(lead ? LEAD_UNIT : UNIT);
    execution.setVariableLocal(UNIT, unit);
    Date due;
    if (lead) {
      int returns = ((Number) execution.getVariable(RETURN_COUNT)).intValue();
      due = returns > 0
          ? deadlines.reworkDue(round.plan())
          : deadlines.leadDueOnOpening(round.plan(), (Date) execution.getVariable(REPORT_DUE));
    } else {
      due = (Date) execution.getVariable(CO_UNIT_DUE);
    }
    execution.setVariableLocal(STAGE, lead ? RoundElements.LEAD : RoundElements.CO_UNIT);
    execution.setVariableLocal(UNIT_NAME, RoundUnits.nameOf(round.plan(), unit));
    execution.setVariableLocal(UNIT_DUE, due);
    for (String name : new String[] {PROGRESS, COMPLETION_STATUS, INDICATOR_VALUES, EVIDENCE_FILES, SUBMITTED_BY, SUBMITTED_AT, REPORT}) {
      execution.setVariableLocal(name, null);
    }
    for (int n = 1; n <= maxEvidenceFiles; n++) {
      execution.setVariableLocal(evidence(n), null);
    }
  }
}
