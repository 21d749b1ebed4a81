package org.duban.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.Target;
import org.duban.catalog.TaskEntry;
import org.duban.names.RoundVariables;
import org.duban.round.RoundUnits;
import org.duban.round.UnitReport;
import org.duban.targets.RoundTargets;
import org.duban.targets.TargetResult;
import org.duban.targets.TargetVerdict;

/**
 * The evaluation's target table: every target of the plan, per task that answers for it and per
 * evaluated year, with the value the task's lead reported, the target value, the gap and the
 * verdict; targets no task answers for are listed too, so the office sees what nobody reports.
 */
final class TargetRecord {

  /** One line of the table. */
  record Line(String taskNumber, String taskTitle, String unitName, TargetResult result) {}

  private final PlanCatalog plan;
  private final ObjectMapper json;

  /** task number|year → the round's process variables */
  private final Map<String, Map<String, Object>> rounds = new HashMap<>();

  TargetRecord(PlanCatalog plan, ObjectMapper json) {
    this.plan = plan;
    this.json = json;
  }

  void round(String taskNumber, int year, Map<String, Object> vars) {
    rounds.put(taskNumber + "|" + year, vars);
  }

  List<Line> lines(int fromYear, int toYear) {
    List<Line> lines = new ArrayList<>();
    for (int y = fromYear; y <= toYear; y++) {
      for (TaskEntry task : plan.tasks()) {
        Map<String, Object> vars = rounds.get(task.number() + "|" + y);
        List<Target> declared = declared(task, y, vars);
        if (declared.isEmpty()) {
          continue;
        }
        String lead = vars == null ? null : (String) vars.get(RoundVariables.LEAD_UNIT);
        Map<String, Object> values = leadValues(vars, lead);
        for (TargetResult r : RoundTargets.results(declared, y, values)) {
          lines.add(
              new Line(
                  task.number(),
                  task.title(),
                  lead == null ? "" : RoundUnits.nameOf(plan, lead),
                  r));
        }
      }
    }
    for (Target t : plan.plan().targets()) {
      if (t.tasks().isEmpty()) {
        lines.add(
            new Line(
                "",
                "未对应任务",
                "",
                RoundTargets.results(List.of(t), t.year() == null ? toYear : t.year(), null)
                    .get(0)));
      }
    }
    return lines;
  }

  /** What the round declared when it opened; the catalog's rule for a year without a round. */
  private List<Target> declared(TaskEntry task, int year, Map<String, Object> vars) {
    Object snapshot = vars == null ? null : vars.get(RoundVariables.TARGETS);
    if (snapshot instanceof String text && !text.isBlank()) {
      return read(text, new TypeReference<List<Target>>() {});
    }
    return RoundTargets.declared(plan, task, year);
  }

  /** The lead's figure counts (see {@link RoundTargets}); none before the lead has reported. */
  private Map<String, Object> leadValues(Map<String, Object> vars, String lead) {
    Object report = vars == null || lead == null ? null : vars.get(RoundVariables.report(lead));
    return report instanceof String text
        ? read(text, new TypeReference<UnitReport>() {}).indicatorValues()
        : null;
  }

  static String summary(List<Line> lines) {
    if (lines.isEmpty()) {
      return "";
    }
    long met = count(lines, TargetVerdict.MET);
    long missed = count(lines, TargetVerdict.MISSED);
    return "指标 "
        + lines.size()
        + " 项次:达标 "
        + met
        + " 项次、未达标 "
        + missed
        + " 项次、无目标值或未报送 "
        + (lines.size() - met - missed)
        + " 项次。";
  }

  private static long count(List<Line> lines, TargetVerdict verdict) {
    return lines.stream().filter(l -> l.result().verdict().equals(verdict.name())).count();
  }

  static byte[] csv(List<Line> lines) {
    StringBuilder out = new StringBuilder("\uFEFF"); // BOM: Excel and WPS read UTF-8
    out.append("指标,计量单位,方向,任务,任务名称,报送单位(牵头),年度,报送值,目标年度,目标值,差距(报送值−目标值),结论\r\n");
    for (Line l : lines) {
      TargetResult r = l.result();
      out.append(quoted(r.indicator()))
          .append(',')
          .append(quoted(r.unit()))
          .append(',')
          .append(r.direction())
          .append(',')
          .append(quoted(l.taskNumber()))
          .append(',')
          .append(quoted(l.taskTitle()))
          .append(',')
          .append(quoted(l.unitName()))
          .append(',')
          .append(r.year())
          .append(',')
          .append(plain(r.reported()))
          .append(',')
          .append(r.targetYear() == null ? "" : r.targetYear())
          .append(',')
          .append(plain(r.targetValue()))
          .append(',')
          .append(plain(r.gap()))
          .append(',')
          .append(r.verdictLabel())
          .append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String plain(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }

  private static String quoted(String text) {
    // catalog and unit texts: a leading = + - @ stays text in Excel and WPS
    return "\"" + org.duban.documents.TableExport.inertText(text).replace("\"", "\"\"") + "\"";
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable round variable", e);
    }
  }
}
