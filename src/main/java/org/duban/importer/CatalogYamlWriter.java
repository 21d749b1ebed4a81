package org.duban.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.catalog.EscalationRules;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanFacts;
import org.duban.catalog.RoundCalendar;
import org.duban.catalog.Target;
import org.duban.catalog.TaskEntry;
import org.duban.catalog.Unit;

/**
 * Writes an {@link ImportResult} as catalog YAML in the format {@link org.duban.catalog.CatalogReader}
 * reads. Given the plan's existing (reviewed) catalog as a base, it keeps what review decided: plan
 * facts the base states, the calendar and escalation settings, every stored unit id, and promoted
 * measures (一.4-展会); tasks and units themselves always come from the document.
 */
public final class CatalogYamlWriter {

  private static final Pattern FILE_YEAR = Pattern.compile("^[a-z]+-(\\d{4})\\b");

  public String write(ImportResult result) {
    return write(result, null);
  }

  public String write(ImportResult result, PlanCatalog base) {
    DraftPlanFacts f = result.facts();
    PlanFacts b = base == null ? null : base.plan();
    String government = pick(b == null ? null : b.government(), f.government(), "plan");
    StringBuilder y = new StringBuilder();
    String title = pick(b == null ? null : b.title(), f.title(), null);
    y.append("# ").append(title == null ? "(untitled plan)" : title).append(" — plan catalog imported from ")
        .append(result.source()).append(".\n");
    y.append("# Units are named in Simplified Chinese; their group ids are stored here, not re-derived at start-up.\n");
    for (ImportProblem p : result.problems()) {
      if (p.severity() == ImportProblem.Severity.WARNING) {
        y.append("# review (line ").append(p.line()).append("): ").append(p.message()).append('\n');
      }
    }
    writePlan(y, result, b, government, title);
    writeCalendar(y, base == null ? RoundCalendar.DEFAULT : base.calendar());
    writeEscalation(y, base == null ? EscalationRules.DEFAULT : base.escalation());
    Map<String, String> ids = unitIds(result, base, government, b == null ? null : b.coordinatingOffice());
    y.append(ids.isEmpty() ? "\nunits: []   # the plan names no units: each round's units are assigned by the coordinating office\n" : "\nunits:\n");
    ids.forEach((name, id) -> y.append("  - id: ").append(id).append('\n')
        .append("    name: ").append(YamlText.scalar(name)).append('\n'));
    y.append("\ntasks:\n");
    List<TaskEntry> promoted = base == null ? List.of() : base.tasks().stream().filter(t -> t.measureOf() != null).toList();
    Set<TaskEntry> written = new HashSet<>();
    for (ImportedTask task : result.tasks()) {
      writeTask(y, task);
      for (TaskEntry measure : promoted) {
        if (measure.measureOf().split("\\s")[0].equals(task.number())) {
          writePromoted(y, measure);
          written.add(measure);
        }
      }
    }
    promoted.stream().filter(m -> !written.contains(m)).forEach(m -> writePromoted(y, m));
    return y.toString();
  }

  private void writePlan(StringBuilder y, ImportResult result, PlanFacts b, String government, String title) {
    DraftPlanFacts f = result.facts();
    y.append("plan:\n");
    y.append("  id: ").append(b != null ? b.id() : government + "-" + planYear(result)).append('\n');
    y.append("  government: ").append(government).append('\n');
    y.append("  city: ").append(YamlText.scalar(pick(b == null ? null : b.city(), f.city(), "?"))).append('\n');
    y.append("  title: ").append(YamlText.scalar(title == null ? "?" : title)).append('\n');
    String issuer = pick(b == null ? null : b.issuer(), f.issuer(), null);
    if (issuer != null) {
      y.append("  issuer: ").append(YamlText.scalar(issuer)).append('\n');
    }
    LocalDate issued = b != null && b.issued() != null ? b.issued() : f.issued();
    if (issued != null) {
      y.append("  issued: ").append(issued).append('\n');
    }
    Integer from = b != null && b.period() != null ? Integer.valueOf(b.period().from()) : f.periodFrom();
    Integer to = b != null && b.period() != null ? Integer.valueOf(b.period().to()) : f.periodTo();
    if (from != null && to != null) {
      y.append("  period:\n    from: ").append(from).append("\n    to: ").append(to).append('\n');
    }
    Unit office = b != null && b.coordinatingOffice() != null ? b.coordinatingOffice() : proposedOffice(f, government);
    y.append("  coordinatingOffice:\n    id: ").append(office.id()).append("\n    name: ")
        .append(YamlText.scalar(office.name())).append('\n');
    y.append("  responsibility: ").append(result.policy()).append('\n');
    y.append("  source: ").append(YamlText.scalar(b != null && b.source() != null ? b.source() : result.source())).append('\n');
    List<Target> targets = b != null && !b.targets().isEmpty() ? b.targets() : f.targets();
    if (!targets.isEmpty()) {
      y.append("  targets:\n");
      for (Target t : targets) {
        y.append("    - indicator: ").append(YamlText.scalar(t.indicator())).append('\n');
        if (t.year() != null) {
          y.append("      year: ").append(t.year()).append('\n');
        }
        y.append("      value: ").append(t.value().toPlainString()).append('\n');
        y.append("      unit: ").append(YamlText.scalar(t.unit())).append('\n');
      }
    }
  }

  /** The office the text names, or the usual leading-group office of its level, for review. */
  private static Unit proposedOffice(DraftPlanFacts f, String government) {
    String name = f.coordinatingOffice() != null ? f.coordinatingOffice()
        : (f.level() == null ? "" : f.level()) + "知识产权工作领导小组办公室";
    return new Unit(UnitIds.office(government, name), name);
  }

  private static void writeCalendar(StringBuilder y, RoundCalendar c) {
    y.append("\ncalendar:\n");
    y.append("  roundStarts: \"").append(monthDay(c.roundStarts())).append("\"        # the yearly timer opens each year's round on this day\n");
    y.append("  reportDue: \"").append(monthDay(c.reportDue())).append("\"          # the lead unit's yearly report is due on this day\n");
    y.append("  coUnitLeadTime: ").append(c.coUnitLeadTime()).append("        # co-responsible units report this long before the lead\n");
    y.append("  reworkTime: ").append(c.reworkTime()).append("            # a report returned for rework is due again this long after the return\n");
  }

  private static void writeEscalation(StringBuilder y, EscalationRules e) {
    y.append("\nescalation:\n");
    y.append("  reminderBefore: ").append(e.reminderBefore()).append("         # 催办: reminder this long before the due date (also the follow-up date)\n");
    y.append("  overdueAfter: ").append(e.overdueAfter()).append("           # 逾期催办 (yellow): the day after the due date\n");
    y.append("  criticismAfter: ").append(e.criticismAfter()).append("         # 通报批评: still open this long after the overdue notice\n");
    y.append("  secondCriticismAfter: ").append(e.secondCriticismAfter()).append("   # second criticism (-> 约谈) this long after the first\n");
  }

  private static String monthDay(java.time.MonthDay d) {
    return String.format("%02d-%02d", d.getMonthValue(), d.getDayOfMonth());
  }

  /** Every unit the tasks name, in order of first mention, with its stored or proposed id. */
  private static Map<String, String> unitIds(ImportResult result, PlanCatalog base, String government, Unit baseOffice) {
    Map<String, String> ids = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    taken.add(baseOffice != null ? baseOffice.id() : proposedOffice(result.facts(), government).id());
    List<String> names = new ArrayList<>();
    result.tasks().forEach(t -> names.addAll(t.units()));
    if (base != null) {
      base.tasks().stream().filter(t -> t.measureOf() != null).forEach(t -> {
        if (t.lead() != null) {
          names.add(t.lead());
        }
        names.addAll(t.coUnits());
      });
    }
    for (String name : names) {
      if (ids.containsKey(name)) {
        continue;
      }
      String stored = base == null ? null : base.unitNamed(name).map(Unit::id).orElse(null);
      if (stored == null || taken.contains(stored)) {
        Set<String> reserved = new HashSet<>(taken);
        if (base != null) {
          base.units().forEach(u -> reserved.add(u.id()));
        }
        stored = UnitIds.propose(government, name, reserved);
      }
      taken.add(stored);
      ids.put(name, stored);
    }
    return ids;
  }

  private static void writeTask(StringBuilder y, ImportedTask t) {
    y.append("  - number: ").append(YamlText.quoted(t.number())).append('\n');
    y.append("    title: ").append(YamlText.scalar(t.title())).append('\n');
    if (t.othersUnnamed()) {
      y.append("    # the plan adds further, unnamed units (\"有关部门\"/\"等\"); they are not listed here\n");
    }
    y.append("    text: ").append(t.text().isEmpty() ? "\"\"\n" : YamlText.block(t.text(), "      "));
    String original = (t.originalTitle() + t.originalText()).strip();
    if (!original.equals((t.title() + t.text()).strip()) && !t.originalText().isBlank()) {
      // the document's own wording (Traditional script), kept for review and audit
      y.append("    original: ").append(YamlText.block(t.originalText(), "      "));
    }
    if (t.lead() != null) {
      y.append("    lead: ").append(YamlText.scalar(t.lead())).append('\n');
    }
    writeCoUnits(y, t.coUnits());
  }

  private static void writePromoted(StringBuilder y, TaskEntry t) {
    y.append("  # a measure promoted to a task of its own (kept from the reviewed catalog)\n");
    y.append("  - number: ").append(YamlText.quoted(t.number())).append('\n');
    y.append("    title: ").append(YamlText.scalar(t.title())).append('\n');
    y.append("    measureOf: ").append(YamlText.scalar(t.measureOf())).append('\n');
    if (t.text() != null) {
      y.append("    text: ").append(YamlText.block(t.text(), "      "));
    }
    if (t.lead() != null) {
      y.append("    lead: ").append(YamlText.scalar(t.lead())).append('\n');
    }
    writeCoUnits(y, t.coUnits());
  }

  private static void writeCoUnits(StringBuilder y, List<String> coUnits) {
    if (coUnits.isEmpty()) {
      return;
    }
    y.append("    coUnits:\n");
    coUnits.forEach(u -> y.append("      - ").append(YamlText.scalar(u)).append('\n'));
  }

  private static int planYear(ImportResult result) {
    DraftPlanFacts f = result.facts();
    Matcher m = FILE_YEAR.matcher(result.source() == null ? "" : result.source().substring(result.source().lastIndexOf('/') + 1));
    if (m.find()) {
      return Integer.parseInt(m.group(1));
    }
    if (f.issued() != null) {
      return f.issued().getYear();
    }
    return f.periodFrom() != null ? f.periodFrom() : LocalDate.now().getYear();
  }

  private static String pick(String reviewed, String found, String fallback) {
    return reviewed != null ? reviewed : found != null ? found : fallback;
  }
}
