package org.duban.importer;

import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import org.duban.catalog.EscalationRules;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanFacts;
import org.duban.catalog.Reporting;
import org.duban.catalog.ResponsibilityPolicy;
import org.duban.catalog.RoundCalendar;
import org.duban.catalog.Target;
import org.duban.catalog.TaskEntry;
import org.duban.catalog.Unit;

/**
 * Writes a catalog as YAML in the format {@link org.duban.catalog.CatalogReader} reads, every field
 * of every record, so that reading what was written gives the same catalog: nothing a reviewer
 * decided is lost on the way through a file. Reviewers edit the result by hand, so it is laid out
 * for them (comments on the calendar and the escalation ladder, review notes where they apply), and
 * the same catalog always gives the same bytes.
 *
 * <p>An import is first made a {@link CatalogDraft}, on its own or merged into the plan's reviewed
 * catalog ({@code --base}), which then wins wherever it says something.
 */
public final class CatalogYamlWriter {

  /** Where the comments beside calendar and escalation values begin. */
  private static final int COMMENT_COLUMN = 30;

  public String write(ImportResult result) {
    return write(CatalogDraft.of(result));
  }

  public String write(ImportResult result, PlanCatalog base) {
    return write(CatalogDraft.of(result, base));
  }

  public String write(PlanCatalog catalog) {
    return write(CatalogDraft.of(catalog));
  }

  public String write(CatalogDraft draft) {
    PlanCatalog c = draft.catalog();
    StringBuilder y = new StringBuilder();
    writeHeader(y, draft);
    writePlan(y, c.plan());
    if (c.calendar() != null) {
      writeCalendar(y, c.calendar());
    }
    if (c.escalation() != null) {
      writeEscalation(y, c.escalation());
    }
    writeUnits(y, c, draft);
    y.append("\ntasks:\n");
    for (TaskEntry t : c.tasks()) {
      writeTask(y, t, draft.taskNotes().getOrDefault(t.number(), List.of()));
    }
    return y.toString();
  }

  /**
   * The comment lines at the top of a catalog file (its title and review notes), to keep them in a
   * draft made from it.
   */
  public static List<String> leadingComments(String yaml) {
    List<String> lines = new ArrayList<>();
    for (String line : yaml.replace("\uFEFF", "").split("\r\n|\r|\n", -1)) {
      if (!line.startsWith("#")) {
        break;
      }
      lines.add(line.stripTrailing());
    }
    return lines;
  }

  private static void writeHeader(StringBuilder y, CatalogDraft draft) {
    List<String> header = new ArrayList<>(draft.header());
    if (header.isEmpty()) {
      PlanFacts plan = draft.catalog().plan();
      String source = plan == null ? null : plan.source();
      header.add(
          "# "
              + (plan == null || plan.title() == null ? "(untitled plan)" : plan.title())
              + " — plan catalog"
              + (source == null ? "" : " imported from " + source)
              + ".");
      header.add(
          "# Units are named in Simplified Chinese; their group ids are stored here, not re-derived at start-up.");
    }
    List<ImportProblem> review = new ArrayList<>(draft.problems());
    review.addAll(draft.baseNotes());
    for (ImportProblem p : review) {
      String line = comment("review (line " + p.line() + "): " + p.message());
      // a base's header may carry the notes of the draft it was reviewed from: each note once
      if (p.severity() == ImportProblem.Severity.WARNING && !header.contains(line)) {
        header.add(line);
      }
    }
    header.forEach(line -> y.append(line).append('\n'));
  }

  private static void writePlan(StringBuilder y, PlanFacts p) {
    y.append("plan:\n");
    field(y, "  ", "id", p.id());
    field(y, "  ", "government", p.government());
    field(y, "  ", "city", p.city());
    field(y, "  ", "title", p.title());
    field(y, "  ", "issuer", p.issuer());
    if (p.issued() != null) {
      y.append("  issued: ").append(p.issued()).append('\n');
    }
    if (p.period() != null) {
      y.append("  period:\n    from: ")
          .append(p.period().from())
          .append("\n    to: ")
          .append(p.period().to())
          .append('\n');
    } else {
      // a draft whose document names no period: a marked gap, which deploying refuses
      y.append("  # period: 待填写 — the document names no period; add it:\n")
          .append("  #   period: {from: YYYY, to: YYYY}\n");
    }
    if (p.coordinatingOffice() != null) {
      y.append("  coordinatingOffice:\n").append(unitFields("    ", p.coordinatingOffice()));
    }
    if (p.responsibility() != null) {
      y.append("  responsibility: ").append(p.responsibility()).append('\n');
    }
    field(y, "  ", "source", p.source());
    writeTargets(y, "  ", p.targets());
  }

  private static void writeCalendar(StringBuilder y, RoundCalendar c) {
    y.append("\ncalendar:\n");
    if (c.roundStarts() != null) {
      commented(
          y,
          "  roundStarts: " + monthDay(c.roundStarts()),
          "the yearly timer opens each year's round on this day");
    }
    if (c.reportDue() != null) {
      commented(
          y,
          "  reportDue: " + monthDay(c.reportDue()),
          "the lead unit's yearly report is due on this day");
    }
    if (c.coUnitLeadTime() != null) {
      commented(
          y,
          "  coUnitLeadTime: " + c.coUnitLeadTime(),
          "co-responsible units report this long before the lead");
    }
    if (c.reworkTime() != null) {
      commented(
          y,
          "  reworkTime: " + c.reworkTime(),
          "a report returned for rework is due again this long after the return");
    }
    if (c.evaluationStarts() != null) {
      commented(
          y,
          "  evaluationStarts: " + monthDay(c.evaluationStarts()),
          "the coordinating office evaluates the year from this day");
    }
    if (c.midTermEvery() != null) {
      commented(
          y,
          "  midTermEvery: " + c.midTermEvery(),
          "a mid-term evaluation every this many years, as the plan asks");
    }
    if (c.minimumLeadTime() != null) {
      commented(
          y,
          "  minimumLeadTime: " + c.minimumLeadTime(),
          "a round started late gives the lead unit at least this long");
    }
    if (c.reviewTime() != null) {
      commented(
          y,
          "  reviewTime: " + c.reviewTime(),
          "the office reviews the lead's report within this long");
    }
    if (c.decisionTime() != null) {
      commented(
          y,
          "  decisionTime: " + c.decisionTime(),
          "the office issues or withdraws a proposed criticism within this long");
    }
    if (c.reporting() != Reporting.YEARLY) {
      commented(
          y,
          "  reporting: " + c.reporting(),
          "units report " + c.reporting().periods.size() + " times a year, the last the full year");
    }
    if (!c.periodDue().isEmpty()) {
      y.append("  periodDue:                  # the reports before the full-year one are due on\n");
      c.periodDue().entrySet().stream()
          .sorted(java.util.Map.Entry.comparingByKey())
          .forEach(
              e ->
                  commented(
                      y,
                      "    " + e.getKey().name() + ": " + monthDay(e.getValue()),
                      e.getKey().label));
    }
  }

  private static void writeEscalation(StringBuilder y, EscalationRules e) {
    y.append("\nescalation:\n");
    if (e.reminderBefore() != null) {
      commented(
          y,
          "  reminderBefore: " + e.reminderBefore(),
          "催办: reminder this long before the due date (also the follow-up date)");
    }
    if (e.overdueAfter() != null) {
      commented(
          y, "  overdueAfter: " + e.overdueAfter(), "逾期催办 (yellow): the day after the due date");
    }
    if (e.criticismAfter() != null) {
      commented(
          y,
          "  criticismAfter: " + e.criticismAfter(),
          "通报批评: still open this long after the overdue notice");
    }
    if (e.secondCriticismAfter() != null) {
      commented(
          y,
          "  secondCriticismAfter: " + e.secondCriticismAfter(),
          "second criticism (-> 约谈) this long after the first");
    }
    if (e.extensionsAllowed() != null) {
      commented(
          y,
          "  extensionsAllowed: " + e.extensionsAllowed(),
          "延期申请: requests a unit may make per report task, before its due date");
    }
  }

  private static void writeUnits(StringBuilder y, PlanCatalog c, CatalogDraft draft) {
    boolean assigned =
        c.plan() != null && c.plan().responsibility() == ResponsibilityPolicy.ASSIGNED_PER_ROUND;
    if (c.units().isEmpty()) {
      y.append("\nunits: []")
          .append(
              assigned
                  ? "   # the plan names no units: each round's units are assigned by the coordinating office"
                  : "")
          .append('\n');
      return;
    }
    y.append("\nunits:")
        .append(
            assigned
                ? "   # the plan names no units: the directory the coordinating office assigns each round's units from"
                : "")
        .append('\n');
    for (Unit u : c.units()) {
      draft
          .unitNotes()
          .getOrDefault(u.id(), List.of())
          .forEach(n -> y.append("  ").append(comment(n)).append('\n'));
      item(y, "  ", unitFields("    ", u));
    }
  }

  /** id, name and aliases, each line indented. */
  private static String unitFields(String indent, Unit u) {
    StringBuilder fields = new StringBuilder();
    field(fields, indent, "id", u.id());
    field(fields, indent, "name", u.name());
    list(fields, indent, "aliases", u.aliases());
    return fields.toString();
  }

  /** Fields of a list item: the first line goes after the dash. */
  private static void item(StringBuilder y, String indent, String fields) {
    y.append(indent)
        .append("- ")
        .append(fields.isEmpty() ? "{}\n" : fields.substring(indent.length() + 2));
  }

  private static void writeTask(StringBuilder y, TaskEntry t, List<String> notes) {
    if (t.measureOf() != null) {
      y.append("  # a measure promoted to a task of its own (kept from the reviewed catalog)\n");
    }
    notes.forEach(n -> y.append("  ").append(comment(n)).append('\n'));
    y.append("  - number: ")
        .append(t.number() == null ? "null" : YamlText.quoted(t.number()))
        .append('\n');
    field(y, "    ", "title", t.title());
    field(y, "    ", "measureOf", t.measureOf());
    text(y, "text", t.text());
    // the document's own wording (Traditional script), kept for review and audit
    text(y, "original", t.original());
    field(y, "    ", "lead", t.lead());
    list(y, "    ", "coUnits", t.coUnits());
    if (t.deadline() != null) {
      y.append("    deadline: ").append(YamlText.scalar(t.deadline()));
      t.deadlineDate().ifPresent(d -> y.append("   # ").append(d).append(": one round, due then"));
      y.append('\n');
    }
    if (t.reporting() != null) {
      y.append("    reporting: ").append(t.reporting()).append('\n');
    }
    writeTargets(y, "    ", t.targets());
  }

  private static void writeTargets(StringBuilder y, String indent, List<Target> targets) {
    if (targets.isEmpty()) {
      return;
    }
    y.append(indent).append("targets:\n");
    String inner = indent + "    ";
    for (Target t : targets) {
      StringBuilder fields = new StringBuilder();
      field(fields, inner, "indicator", t.indicator());
      if (t.year() != null) {
        fields.append(inner).append("year: ").append(t.year()).append('\n');
      }
      if (t.value() != null) {
        // plain digits as the reviewer wrote them; an exponent only where the value was given with
        // one
        fields
            .append(inner)
            .append("value: ")
            .append(t.value().scale() < 0 ? t.value().toString() : t.value().toPlainString())
            .append('\n');
      }
      field(fields, inner, "unit", t.unit());
      if (t.atMost()) {
        fields.append(inner).append("direction: ").append(t.direction().name()).append('\n');
      }
      if (!t.tasks().isEmpty()) {
        // the tasks that answer for the target: a round of each asks its lead for the year's value
        fields
            .append(inner)
            .append("tasks: [")
            .append(String.join(", ", t.tasks().stream().map(YamlText::quoted).toList()))
            .append("]\n");
      }
      item(y, indent + "  ", fields.toString());
    }
  }

  private static void text(StringBuilder y, String key, String value) {
    if (value != null) {
      y.append("    ")
          .append(key)
          .append(": ")
          .append(value.isEmpty() ? "\"\"\n" : YamlText.block(value, "      "));
    }
  }

  private static void field(StringBuilder y, String indent, String key, String value) {
    if (value != null) {
      y.append(indent).append(key).append(": ").append(YamlText.scalar(value)).append('\n');
    }
  }

  private static void list(StringBuilder y, String indent, String key, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    y.append(indent).append(key).append(":\n");
    values.forEach(v -> y.append(indent).append("  - ").append(YamlText.scalar(v)).append('\n'));
  }

  private static void commented(StringBuilder y, String line, String comment) {
    y.append(line)
        .append(" ".repeat(Math.max(1, COMMENT_COLUMN - line.length())))
        .append("# ")
        .append(comment)
        .append('\n');
  }

  /** A note as one comment line: its own line breaks would end the comment. */
  private static String comment(String note) {
    return "# " + note.replaceAll("\\s*[\\r\\n\\u0085\\u2028\\u2029]+\\s*", " ");
  }

  private static String monthDay(MonthDay d) {
    return String.format("\"%02d-%02d\"", d.getMonthValue(), d.getDayOfMonth());
  }
}
