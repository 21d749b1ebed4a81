package org.duban.evaluation;

import static org.duban.names.EvaluationVariables.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.ReportPeriod;
import org.duban.engine.SystemQueries;
import org.duban.names.EvaluationKind;
import org.duban.names.NoticeStatus;
import org.duban.names.NoticeType;
import org.duban.names.NoticeVariables;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundVariables;
import org.duban.round.RoundUnits;
import org.duban.round.UnitReport;
import org.springframework.stereotype.Component;

/**
 * Compiles a plan's evaluation from history: every round of the evaluated years, and per unit the
 * reports on time and late, the reports still missing, and the notices it received. The table goes
 * to the coordinating office as a CSV file (opens in Excel/WPS) and a short text.
 */
@Component("evaluationSummary")
public class EvaluationSummary implements JavaDelegate {

  private final EvaluationPlans plans;
  private final HistoryService history;
  private final ObjectMapper json;

  public EvaluationSummary(EvaluationPlans plans, HistoryService history, ObjectMapper json) {
    this.plans = plans;
    this.history = history;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    PlanCatalog plan = plans.planOf(execution);
    EvaluationKind kind = plans.kindOf(execution);
    int year = ((Number) execution.getVariable(RoundVariables.YEAR)).intValue();
    Map<String, UnitRecord> units = new LinkedHashMap<>();
    int rounds = 0;
    int finished = 0;
    TargetRecord targets = new TargetRecord(plan, json);
    for (int y = year - kind.years + 1; y <= year; y++) {
      for (HistoricProcessInstance round : rounds(plan, y)) {
        rounds++;
        if (round.getEndTime() != null) {
          finished++;
        }
        Map<String, Object> vars = tally(plan, round, units);
        if (ProcessKeys.periodOf(round.getBusinessKey()) == ReportPeriod.YEAR) {
          // the year's value is the full-year report's; a half-year's or quarter's is interim
          targets.round((String) vars.get(RoundVariables.TASK_NUMBER), y, vars);
        }
      }
    }
    List<TargetRecord.Line> targetLines = targets.lines(year - kind.years + 1, year);
    List<UnitRecord> table = new ArrayList<>(units.values());
    table.sort(
        Comparator.comparing((UnitRecord r) -> -r.notices(NoticeType.CRITICISM))
            .thenComparing(r -> r.unit));
    execution.setVariable(
        SUMMARY_TEXT,
        text(plan, kind, year, rounds, finished, table) + TargetRecord.summary(targetLines));
    String fileName = plan.plan().city() + "_" + year + kind.label + ".csv";
    execution.setVariable(
        SUMMARY_TABLE,
        Variables.fileValue(fileName)
            .file(csv(table))
            .mimeType("text/csv")
            .encoding(StandardCharsets.UTF_8)
            .create());
    execution.setVariable(
        TARGET_TABLE,
        Variables.fileValue(plan.plan().city() + "_" + year + kind.label + "_指标.csv")
            .file(TargetRecord.csv(targetLines))
            .mimeType("text/csv")
            .encoding(StandardCharsets.UTF_8)
            .create());
  }

  private List<HistoricProcessInstance> rounds(PlanCatalog plan, int year) {
    String[] keys =
        plan.tasks().stream()
            .map(t -> ProcessKeys.round(plan.id(), t.number()))
            .toArray(String[]::new);
    // every reporting period of the year: plan/task/2025 and plan/task/2025-H1
    return SystemQueries.run(
            () ->
                history
                    .createHistoricProcessInstanceQuery()
                    .processDefinitionKeyIn(keys)
                    .processInstanceBusinessKeyLike(plan.id() + "/%/" + year + "%")
                    .list())
        .stream()
        .filter(r -> Integer.valueOf(year).equals(ProcessKeys.yearOf(r.getBusinessKey())))
        .toList();
  }

  /** Counts the round for its units; returns the round's own variables. */
  private Map<String, Object> tally(
      PlanCatalog plan, HistoricProcessInstance round, Map<String, UnitRecord> units)
      throws Exception {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (HistoricVariableInstance v :
        SystemQueries.run(
            () ->
                history
                    .createHistoricVariableInstanceQuery()
                    .processInstanceId(round.getId())
                    .list())) {
      if (round.getId().equals(v.getActivityInstanceId())) {
        vars.put(v.getName(), v.getValue());
      }
    }
    List<String> members =
        new ArrayList<>(RoundUnits.split((String) vars.get(RoundVariables.CO_UNITS)));
    if (vars.get(RoundVariables.LEAD_UNIT) != null) {
      members.add((String) vars.get(RoundVariables.LEAD_UNIT));
    }
    for (String unit : members) {
      UnitRecord record =
          units.computeIfAbsent(unit, u -> new UnitRecord(u, RoundUnits.nameOf(plan, u)));
      record.rounds++;
      Object report = vars.get(RoundVariables.report(unit));
      if (report == null) {
        record.missing++;
      } else if (json.readValue((String) report, UnitReport.class).onTime()) {
        record.onTime++;
      } else {
        record.late++;
      }
    }
    for (HistoricProcessInstance notice :
        SystemQueries.run(
            () ->
                history
                    .createHistoricProcessInstanceQuery()
                    .processDefinitionKey(ProcessKeys.notice(plan.id()))
                    .processInstanceBusinessKey(round.getBusinessKey())
                    .list())) {
      Map<String, Object> n = new LinkedHashMap<>();
      SystemQueries.run(
              () ->
                  history
                      .createHistoricVariableInstanceQuery()
                      .processInstanceId(notice.getId())
                      .list())
          .forEach(v -> n.put(v.getName(), v.getValue()));
      // a proposal the office has not issued, or withdrew, is no notice
      if (!NoticeStatus.ISSUED.name().equals(n.get(NoticeVariables.STATUS))) {
        continue;
      }
      String unit = (String) n.get(NoticeVariables.UNIT);
      units
          .computeIfAbsent(unit, u -> new UnitRecord(u, RoundUnits.nameOf(plan, u)))
          .notice(NoticeType.valueOf((String) n.get(NoticeVariables.TYPE)));
    }
    return vars;
  }

  private static String text(
      PlanCatalog plan,
      EvaluationKind kind,
      int year,
      int rounds,
      int finished,
      List<UnitRecord> table) {
    int onTime = table.stream().mapToInt(r -> r.onTime).sum();
    int late = table.stream().mapToInt(r -> r.late).sum();
    int missing = table.stream().mapToInt(r -> r.missing).sum();
    int criticisms =
        table.stream()
            .mapToInt(r -> r.notices(NoticeType.CRITICISM) + r.notices(NoticeType.SECOND_CRITICISM))
            .sum();
    int interviews = table.stream().mapToInt(r -> r.notices(NoticeType.INTERVIEW)).sum();
    int commendations = table.stream().mapToInt(r -> r.notices(NoticeType.COMMENDATION)).sum();
    String span = kind.years == 1 ? year + " " : (year - kind.years + 1) + "–" + year + " 年";
    return "《"
        + plan.plan().title()
        + "》"
        + span
        + kind.label
        + ":任务轮次 "
        + rounds
        + " 个,已办结 "
        + finished
        + " 个;单位报送按时 "
        + onTime
        + " 次、逾期 "
        + late
        + " 次、未报送 "
        + missing
        + " 次;通报批评 "
        + criticisms
        + " 次(已签发,含再次通报批评),约谈 "
        + interviews
        + " 次,通报表扬 "
        + commendations
        + " 次。各单位明细见附表。";
  }

  private static byte[] csv(List<UnitRecord> table) {
    StringBuilder out =
        new StringBuilder("\uFEFF"); // BOM: Excel and WPS then read the file as UTF-8
    out.append("单位,组ID,参与轮次,按时报送,逾期报送,未报送,催办提醒,逾期催办,通报批评,再次通报批评,约谈,通报表扬\r\n");
    for (UnitRecord r : table) {
      out.append('"')
          .append(org.duban.documents.TableExport.inertText(r.unitName).replace("\"", "\"\""))
          .append('"')
          .append(',')
          .append(r.unit)
          .append(',')
          .append(r.rounds)
          .append(',')
          .append(r.onTime)
          .append(',')
          .append(r.late)
          .append(',')
          .append(r.missing);
      for (NoticeType type : NoticeType.values()) {
        out.append(',').append(r.notices(type));
      }
      out.append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
