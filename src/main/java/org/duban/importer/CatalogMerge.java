package org.duban.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.duban.catalog.EscalationRules;
import org.duban.catalog.Placeholder;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanFacts;
import org.duban.catalog.PlanPeriod;
import org.duban.catalog.ResponsibilityPolicy;
import org.duban.catalog.RoundCalendar;
import org.duban.catalog.Target;
import org.duban.catalog.TaskEntry;
import org.duban.catalog.Unit;

/**
 * Turns an import into a catalog: on its own (ids proposed, calendar and escalation defaults), or
 * into the plan's reviewed catalog. A base wins everywhere it says something, because review
 * decided it: plan facts, calendar, escalation, the whole unit directory (with aliases, also units
 * no task names), every task as reviewed (number, title, text, original, units, targets), promoted
 * measures and the order of it all. The document only adds what the base lacks (a new task and the
 * units it names, an issuer the base leaves out); every addition, every task the document no longer
 * has and every value the two disagree on becomes a note for the reviewer.
 */
final class CatalogMerge {

  static final String OTHERS_UNNAMED =
      "the plan adds further, unnamed units (\"有关部门\"/\"等\"); they are not listed here";

  static final String NO_UNITS =
      "review: the document names no units for this task (or they could not be read): name its"
          + " lead and co-units, or set plan.responsibility: ASSIGNED_PER_ROUND; deploying refuses"
          + " it as it is";

  private static final Pattern FILE_YEAR = Pattern.compile("^[a-z]+-(\\d{4})\\b");

  private CatalogMerge() {}

  static CatalogDraft fromDocument(ImportResult result) {
    DraftPlanFacts f = result.facts();
    String government = f.government() != null ? f.government() : Placeholder.ID;
    Unit office = proposedOffice(f, government);
    PlanPeriod period =
        f.periodFrom() != null && f.periodTo() != null
            ? new PlanPeriod(f.periodFrom(), f.periodTo())
            : null;
    PlanFacts plan =
        new PlanFacts(
            government + "-" + planYear(result),
            government,
            orElse(f.city(), Placeholder.of("城市")),
            orElse(f.title(), Placeholder.of("方案标题")),
            f.issuer(),
            f.issued(),
            period,
            office,
            result.policy(),
            result.source(),
            f.targets());
    Directory units = new Directory(government, List.of(), office);
    List<TaskEntry> tasks = new ArrayList<>();
    Map<String, List<String>> taskNotes = new LinkedHashMap<>();
    for (ImportedTask t : result.tasks()) {
      tasks.add(
          entry(t, units.resolve(t.lead()), t.coUnits().stream().map(units::resolve).toList()));
      if (t.othersUnnamed()) {
        note(taskNotes, t.number(), OTHERS_UNNAMED);
      }
      if (!t.namesUnits() && result.policy() != ResponsibilityPolicy.ASSIGNED_PER_ROUND) {
        note(taskNotes, t.number(), NO_UNITS);
      }
    }
    PlanCatalog catalog =
        new PlanCatalog(
            plan,
            calendar(result, RoundCalendar.DEFAULT),
            EscalationRules.DEFAULT,
            units.all(),
            tasks);
    return new CatalogDraft(catalog, List.of(), result.problems(), List.of(), taskNotes, Map.of());
  }

  /** The calendar with the reporting rule the document states, where it states one. */
  static RoundCalendar calendar(ImportResult result, RoundCalendar c) {
    if (result.reporting().isEmpty()) {
      return c;
    }
    ReportingRuleReader.Rule rule = result.reporting().get();
    Map<org.duban.catalog.ReportPeriod, java.time.MonthDay> periodDue =
        rule.periodDue() == null
            ? Map.of()
            : Map.of(org.duban.catalog.ReportPeriod.H1, rule.periodDue());
    return new RoundCalendar(
        c.roundStarts(),
        rule.yearDue() != null ? rule.yearDue() : c.reportDue(),
        c.coUnitLeadTime(),
        c.reworkTime(),
        c.evaluationStarts(),
        c.midTermEvery(),
        c.minimumLeadTime(),
        c.reviewTime(),
        c.decisionTime(),
        rule.reporting(),
        periodDue);
  }

  static CatalogDraft intoBase(ImportResult result, PlanCatalog base) {
    Merge merge = new Merge(result, base);
    PlanFacts plan = merge.facts();
    List<TaskEntry> tasks = merge.tasks();
    PlanCatalog catalog =
        new PlanCatalog(plan, base.calendar(), base.escalation(), merge.units.all(), tasks);
    return new CatalogDraft(
        catalog, List.of(), result.problems(), merge.notes, merge.taskNotes, merge.unitNotes);
  }

  /** One import merged into one base; collects the notes on the way. */
  private static final class Merge {

    private final ImportResult result;
    private final PlanCatalog base;
    private final Directory units;
    private final List<ImportProblem> notes = new ArrayList<>();
    private final Map<String, List<String>> taskNotes = new LinkedHashMap<>();
    private final Map<String, List<String>> unitNotes = new LinkedHashMap<>();

    Merge(ImportResult result, PlanCatalog base) {
      this.result = result;
      this.base = base;
      this.units =
          new Directory(base.plan().government(), base.units(), base.plan().coordinatingOffice());
    }

    PlanFacts facts() {
      PlanFacts b = base.plan();
      DraftPlanFacts f = result.facts();
      disagree("plan.title", f.title(), b.title());
      disagree("plan.city", f.city(), b.city());
      String issuer = keepOrAdd("plan.issuer", b.issuer(), f.issuer());
      LocalDate issued = keepOrAdd("plan.issued", b.issued(), f.issued());
      if (f.periodFrom() != null && f.periodTo() != null) {
        disagree("plan.period", new PlanPeriod(f.periodFrom(), f.periodTo()), b.period());
      }
      if (f.coordinatingOffice() != null
          && b.coordinatingOffice() != null
          && !b.coordinatingOffice().isNamed(f.coordinatingOffice())) {
        disagree("plan.coordinatingOffice", f.coordinatingOffice(), b.coordinatingOffice().name());
      }
      disagree("plan.responsibility", result.policy(), b.responsibility());
      disagree("plan.source", result.source(), b.source());
      String source = keepOrAdd("plan.source", b.source(), result.source());
      List<Target> targets = b.targets();
      if (targets.isEmpty() && !f.targets().isEmpty()) {
        targets = f.targets();
        notes.add(
            ImportProblem.warning(
                0,
                "plan.targets: the reviewed catalog has none; the document's "
                    + targets.size()
                    + " were added: review them"));
      } else if (!f.targets().isEmpty()
          && !TargetOwners.values(f.targets()).equals(TargetOwners.values(targets))) {
        notes.add(
            ImportProblem.warning(
                0,
                "plan.targets: the document's "
                    + f.targets().size()
                    + " targets differ from the "
                    + targets.size()
                    + " of the reviewed catalog, which are kept"));
      }
      targets = TargetOwners.keepOrAdd(targets, f.targets(), notes);
      return new PlanFacts(
          b.id(),
          b.government(),
          b.city(),
          b.title(),
          issuer,
          issued,
          b.period(),
          b.coordinatingOffice(),
          b.responsibility(),
          source,
          targets);
    }

    /**
     * The base's tasks in the base's order, each as reviewed; a task only the document has goes
     * after the document's previous task (and the measures promoted from it).
     */
    List<TaskEntry> tasks() {
      List<TaskEntry> merged = new ArrayList<>(base.tasks());
      Set<String> documentNumbers =
          result.tasks().stream().map(ImportedTask::number).collect(Collectors.toSet());
      Set<String> matched = new HashSet<>();
      int cursor = 0;
      for (ImportedTask doc : result.tasks()) {
        int at = indexOf(merged, doc, matched, documentNumbers);
        String placed;
        if (at >= 0) {
          TaskEntry kept = merged.get(at);
          matched.add(kept.number());
          compare(doc, kept);
          cursor = at + 1;
          placed = kept.number();
        } else {
          String where = cursor == 0 ? "first" : "after " + merged.get(cursor - 1).number();
          notes.add(
              ImportProblem.warning(
                  doc.line(),
                  "task "
                      + doc.number()
                      + " "
                      + doc.title()
                      + " is in the document but not in the reviewed catalog: added "
                      + where
                      + "; review it"));
          TaskEntry added = added(doc);
          merged.add(cursor, added);
          cursor++;
          placed = added.number();
          matched.add(placed);
          note(
              taskNotes,
              placed,
              "new: in the document (line "
                  + doc.line()
                  + ") but not in the reviewed catalog; review it");
        }
        while (cursor < merged.size() && measureOf(merged.get(cursor), placed)) {
          cursor++;
        }
        if (doc.othersUnnamed()) {
          note(taskNotes, placed, OTHERS_UNNAMED);
        }
      }
      for (TaskEntry t : base.tasks()) {
        if (t.measureOf() == null && !matched.contains(t.number())) {
          notes.add(
              ImportProblem.warning(
                  0,
                  "task "
                      + t.number()
                      + " "
                      + t.title()
                      + " of the reviewed catalog is no longer in the document: kept; remove it if the plan dropped it"));
          note(
              taskNotes,
              t.number(),
              "no longer in the document: kept from the reviewed catalog; remove it if the plan dropped it");
        } else if (t.measureOf() != null && !matched.contains(parentOf(t))) {
          notes.add(
              ImportProblem.warning(
                  0,
                  "task "
                      + t.number()
                      + " is a measure of "
                      + t.measureOf()
                      + ", which is no longer in the document: kept; review it"));
        }
      }
      return merged;
    }

    /**
     * The base task the document's task is: the one of the same number, or else (a number review
     * corrected) the one of the same title whose own number the document does not use.
     */
    private int indexOf(
        List<TaskEntry> merged,
        ImportedTask doc,
        Set<String> matched,
        Set<String> documentNumbers) {
      for (int i = 0; i < merged.size(); i++) {
        if (merged.get(i).number().equals(doc.number()) && !matched.contains(doc.number())) {
          return i;
        }
      }
      for (int i = 0; i < merged.size(); i++) {
        TaskEntry t = merged.get(i);
        if (t.measureOf() == null
            && t.title().equals(doc.title())
            && !matched.contains(t.number())
            && !documentNumbers.contains(t.number())) {
          return i;
        }
      }
      return -1;
    }

    /**
     * The reviewed task stays as it is; where the document now says otherwise, the reviewer is
     * told.
     */
    private void compare(ImportedTask doc, TaskEntry kept) {
      String task = "task " + kept.number();
      if (!doc.number().equals(kept.number())) {
        notes.add(
            ImportProblem.warning(
                doc.line(),
                task
                    + ": the document numbers it "
                    + doc.number()
                    + "; the reviewed number is kept"));
      }
      if (!doc.title().equals(kept.title())) {
        notes.add(
            ImportProblem.warning(
                doc.line(),
                task
                    + ": the document's title is '"
                    + doc.title()
                    + "'; the reviewed '"
                    + kept.title()
                    + "' is kept"));
      }
      if (!asWritten(doc.text()).equals(kept.text())) {
        notes.add(
            ImportProblem.warning(
                doc.line(),
                task + ": the document's text differs from the reviewed text, which is kept"));
      }
      if (doc.deadline() != null && !doc.deadline().equals(kept.deadline())) {
        notes.add(
            ImportProblem.warning(
                doc.line(),
                task
                    + ": the document's deadline is '"
                    + doc.deadline()
                    + "'; the reviewed "
                    + (kept.deadline() == null
                        ? "catalog has none, and"
                        : "'" + kept.deadline() + "'")
                    + " is kept"));
      }
      if (base.plan().responsibility() == ResponsibilityPolicy.ASSIGNED_PER_ROUND) {
        if (doc.namesUnits()) {
          notes.add(
              ImportProblem.warning(
                  doc.line(),
                  task
                      + ": the document names its units "
                      + doc.units()
                      + "; the reviewed catalog assigns them each round"));
        }
        return;
      }
      // the same unit may go by an alias on either side
      if (!Objects.equals(units.known(doc.lead()), units.known(kept.lead()))
          || !doc.coUnits().stream()
              .map(units::known)
              .toList()
              .equals(kept.coUnits().stream().map(units::known).toList())) {
        notes.add(
            ImportProblem.warning(
                doc.line(),
                task
                    + ": the document names lead "
                    + doc.lead()
                    + ", co-units "
                    + doc.coUnits()
                    + "; the reviewed lead "
                    + kept.lead()
                    + ", co-units "
                    + kept.coUnits()
                    + " are kept"));
      }
    }

    /** A task only the document has, its units from the base's directory or added to it. */
    private TaskEntry added(ImportedTask doc) {
      if (base.plan().responsibility() == ResponsibilityPolicy.ASSIGNED_PER_ROUND) {
        if (doc.namesUnits()) {
          notes.add(
              ImportProblem.warning(
                  doc.line(),
                  "task "
                      + doc.number()
                      + ": the reviewed catalog assigns units each round;"
                      + " the units the document names "
                      + doc.units()
                      + " are left out"));
        }
        return entry(doc, null, List.of());
      }
      int known = units.all().size();
      TaskEntry entry =
          entry(
              doc, units.resolve(doc.lead()), doc.coUnits().stream().map(units::resolve).toList());
      for (Unit u : units.all().subList(known, units.all().size())) {
        notes.add(
            ImportProblem.warning(
                doc.line(),
                "unit '"
                    + u.name()
                    + "' (task "
                    + doc.number()
                    + ") is not in the reviewed catalog's units: added as '"
                    + u.id()
                    + "'; review the id"));
        note(
            unitNotes,
            u.id(),
            "new: named by task "
                + doc.number()
                + " of the document, not in the reviewed catalog; review the id");
      }
      if (entry.lead() == null && base.plan().responsibility() == ResponsibilityPolicy.LEAD_FIRST) {
        notes.add(
            ImportProblem.warning(
                doc.line(),
                "task "
                    + doc.number()
                    + " names no lead, but the reviewed plan's first unit"
                    + " leads (LEAD_FIRST): set its lead"));
      }
      return entry;
    }

    private <T> T keepOrAdd(String field, T reviewed, T found) {
      if (reviewed != null || found == null) {
        return reviewed;
      }
      notes.add(
          ImportProblem.warning(
              0,
              field
                  + ": the reviewed catalog has none; the document's '"
                  + found
                  + "' was added: review it"));
      return found;
    }

    private void disagree(String field, Object found, Object reviewed) {
      if (found != null && reviewed != null && !found.equals(reviewed)) {
        notes.add(
            ImportProblem.warning(
                0,
                field
                    + ": the document reads '"
                    + found
                    + "', the reviewed catalog '"
                    + reviewed
                    + "', which is kept"));
      }
    }
  }

  /**
   * The unit directory as it grows: the base's units first, as they are, then those only the
   * document names, with proposed ids that no unit and not the office has.
   */
  private static final class Directory {

    private final String government;
    private final List<Unit> units;
    private final Set<String> taken = new HashSet<>();

    Directory(String government, List<Unit> base, Unit office) {
      this.government = government;
      this.units = new ArrayList<>(base);
      taken.add(office.id());
      base.forEach(u -> taken.add(u.id()));
    }

    List<Unit> all() {
      return units;
    }

    private Optional<Unit> find(String name) {
      return units.stream().filter(u -> u.isNamed(name)).findFirst();
    }

    /**
     * The directory's name of the unit the document calls {@code name} (it may use an alias), or
     * that name.
     */
    String known(String name) {
      return name == null ? null : find(name).map(Unit::name).orElse(name);
    }

    /** Like {@link #known}, adding a unit the directory lacks, with a proposed id. */
    String resolve(String name) {
      if (name == null) {
        return null;
      }
      Optional<Unit> unit = find(name);
      if (unit.isPresent()) {
        return unit.get().name();
      }
      Unit added = new Unit(UnitIds.propose(government, name, taken), name);
      taken.add(added.id());
      units.add(added);
      return name;
    }
  }

  /**
   * A task as the document has it, text as the catalog writes it; the original only where the
   * script differs.
   */
  private static TaskEntry entry(ImportedTask t, String lead, List<String> coUnits) {
    return new TaskEntry(
        t.number(),
        t.title(),
        null,
        asWritten(t.text()),
        original(t),
        lead,
        coUnits,
        List.of(),
        t.deadline());
  }

  /** The document's own wording where it is not the Simplified text (a Traditional-script plan). */
  private static String original(ImportedTask t) {
    String original = t.originalText();
    if (original == null
        || original.isBlank()
        || ChineseText.toSimplified(original).equals(original)) {
      return null;
    }
    return asWritten(original);
  }

  /**
   * Document text as a catalog keeps it: tabs as spaces, no spaces at either end of a line or the
   * text.
   */
  static String asWritten(String text) {
    return text.replace('\t', ' ')
        .lines()
        .map(String::stripTrailing)
        .collect(Collectors.joining("\n"))
        .strip();
  }

  private static boolean measureOf(TaskEntry t, String number) {
    return t.measureOf() != null && parentOf(t).equals(number);
  }

  /** "一.4 加强知识产权行政保护" → 一.4 */
  private static String parentOf(TaskEntry measure) {
    return measure.measureOf().strip().split("\\s")[0];
  }

  /** The office the text names, or the usual leading-group office of its level, for review. */
  private static Unit proposedOffice(DraftPlanFacts f, String government) {
    // where the text names none, the usual office of the plan's level is proposed (with a warning);
    // without a level there is nothing to propose from, only a placeholder deploying refuses
    String name =
        f.coordinatingOffice() != null
            ? f.coordinatingOffice()
            : f.level() != null
                ? f.level() + "知识产权工作领导小组办公室"
                : Placeholder.of("督办单位,如市知识产权工作领导小组办公室");
    return new Unit(UnitIds.office(government, name), name);
  }

  private static int planYear(ImportResult result) {
    DraftPlanFacts f = result.facts();
    String source =
        result.source() == null
            ? ""
            : result.source().substring(result.source().lastIndexOf('/') + 1);
    Matcher m = FILE_YEAR.matcher(source);
    if (m.find()) {
      return Integer.parseInt(m.group(1));
    }
    if (f.issued() != null) {
      return f.issued().getYear();
    }
    return f.periodFrom() != null ? f.periodFrom() : LocalDate.now().getYear();
  }

  private static void note(Map<String, List<String>> notes, String key, String note) {
    notes.computeIfAbsent(key, k -> new ArrayList<>()).add(note);
  }

  private static String orElse(String value, String fallback) {
    return value != null ? value : fallback;
  }
}
