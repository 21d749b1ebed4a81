package org.duban.round;

import static org.duban.names.RoundVariables.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.names.CompletionStatus;
import org.duban.names.NoticeType;
import org.duban.names.Rating;
import org.duban.names.ReviewDecision;
import org.duban.supervision.Notice;
import org.duban.supervision.Notices;
import org.springframework.stereotype.Component;

/**
 * Records how a round ended (办结, or 销号 in the final year). When the supervisor rated the work 优秀,
 * each unit that reported on time with its work done or on track is commended (通报表扬); a unit that
 * reported late, behind or not started is not.
 */
@Component("roundOutcome")
public class RoundOutcome implements JavaDelegate {

  /** The rating that earns commendations, and the statements of work that qualify for one. */
  static final Rating COMMENDED_RATING = Rating.EXCELLENT;

  static final Set<CompletionStatus> COMMENDABLE =
      EnumSet.of(CompletionStatus.DONE, CompletionStatus.ON_TRACK);

  private final Notices notices;
  private final ObjectMapper json;

  public RoundOutcome(Notices notices, ObjectMapper json) {
    this.notices = notices;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    ReviewDecision decision =
        ReviewDecision.valueOf((String) execution.getVariable(REVIEW_DECISION));
    execution.setVariable(
        OUTCOME, decision == ReviewDecision.CLOSE_OUT ? "CLOSED_OUT" : "COMPLETED");
    execution.setVariable("closedAt", ClockUtil.getCurrentTime());
    if (Rating.valueOf((String) execution.getVariable(REVIEW_RATING)) != COMMENDED_RATING) {
      return;
    }
    String office = (String) execution.getVariable(SUPERVISOR_GROUP);
    for (UnitReport report : reports(execution)) {
      // where the office itself consolidated (joint responsibility), it does not commend itself
      if (!report.unit().equals(office) && earnsCommendation(report)) {
        notices.issue(
            new Notice.Builder(execution, report.unit(), report.unitName(), report.submittedBy())
                .build(
                    NoticeType.COMMENDATION,
                    "本轮工作评价为优秀,按时报送,完成情况为「" + report.completionStatusLabel() + "」"));
      }
    }
  }

  /** In a round rated 优秀: a unit that reported on time and whose work is done or on track. */
  static boolean earnsCommendation(UnitReport report) {
    return report.onTime()
        && COMMENDABLE.contains(CompletionStatus.valueOf(report.completionStatus()));
  }

  /** The rule above as the review form explains it to the office. */
  public static String commendationRule() {
    String statuses =
        COMMENDABLE.stream().map(s -> "「" + s.label + "」").collect(Collectors.joining("或"));
    return "评价为「"
        + COMMENDED_RATING.label
        + "」时,按时报送且完成情况为"
        + statuses
        + "的单位由系统自动记录通报表扬(督办单位自身汇总的除外)。";
  }

  /** The final report of every unit of the round: each co-unit's and the lead's. */
  private List<UnitReport> reports(DelegateExecution execution) throws Exception {
    List<String> units =
        new ArrayList<>(RoundUnits.split((String) execution.getVariable(CO_UNITS)));
    units.add((String) execution.getVariable(LEAD_UNIT));
    List<UnitReport> reports = new ArrayList<>();
    for (String unit : units) {
      String raw = (String) execution.getVariable(report(unit));
      if (raw == null) {
        throw new IllegalStateException(
            "round " + execution.getProcessBusinessKey() + " has no report of " + unit);
      }
      reports.add(json.readValue(raw, UnitReport.class));
    }
    return reports;
  }
}
