package org.duban.catalog;

import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a parsed catalog must keep before anything is deployed from it. Fills calendar and
 * escalation defaults; every violation names file, line and field.
 */
final class CatalogValidator {

  /**
   * Group ids: readable ASCII, a strict subset of what Camunda's resource-id whitelist accepts
   * ({@code [a-zA-Z0-9][a-zA-Z0-9._-]*}, see application.yaml).
   */
  static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  /**
   * Group ids fit ACT_ID_GROUP.ID_; a plan id is also its processes' version tag, VERSION_TAG_
   * varchar(64).
   */
  static final int MAX_ID_LENGTH = Unit.MAX_ID_LENGTH;

  /** Each task is a process deployed at once; real plans have a few dozen. */
  static final int MAX_TASKS = 200;

  /** ACT_RE_PROCDEF.KEY_ and the authorizations' RESOURCE_ID_ are varchar(255). */
  static final int MAX_PROCESS_KEY_LENGTH = 255;

  /**
   * Names of tasks are composed of these (ACT_RU_TASK.NAME_ varchar(255)): a notice's name is its
   * type, the unit's name and the round's title (city, task number, task title).
   */
  static final int MAX_UNIT_NAME = 60;

  static final int MAX_CITY = 20;
  static final int MAX_TASK_NUMBER = 30;
  static final int MAX_TASK_TITLE = 120;

  private final String file;
  private final YamlLineIndex lines;

  CatalogValidator(String file, YamlLineIndex lines) {
    this.file = file;
    this.lines = lines;
  }

  PlanCatalog validate(PlanCatalog c) {
    PlanFacts plan = required(c.plan(), "plan");
    // what a reviewer reads first: the place and the title, then the ids made from the place
    requireFilledIn(plan.city(), "plan.city");
    requireFilledIn(plan.title(), "plan.title");
    requireId(plan.id(), "plan.id");
    requireId(plan.government(), "plan.government");
    requireText(plan.city(), "plan.city");
    requireLength(plan.city(), MAX_CITY, "plan.city");
    requireText(plan.title(), "plan.title");
    PlanPeriod period = required(plan.period(), "plan.period");
    if (period.from() < 1949 || period.to() < period.from() || period.to() - period.from() > 30) {
      throw fail(
          "plan.period",
          "period " + period.from() + "–" + period.to() + " is not a plausible span of years");
    }
    Unit office = required(plan.coordinatingOffice(), "plan.coordinatingOffice");
    requireFilledIn(office.name(), "plan.coordinatingOffice.name");
    requireGroup(office, "plan.coordinatingOffice");
    ResponsibilityPolicy policy = required(plan.responsibility(), "plan.responsibility");

    List<Unit> units = c.units();
    Map<String, Unit> byName = new HashMap<>();
    Set<String> ids = new HashSet<>();
    ids.add(office.id());
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      String at = "units[" + i + "]";
      requireGroup(u, at);
      if (!ids.add(u.id())) {
        throw fail(at + ".id", "group id '" + u.id() + "' is used twice in this catalog");
      }
      for (String name : names(u)) {
        if (byName.putIfAbsent(name, u) != null) {
          throw fail(at + ".name", "unit name '" + name + "' is used twice in this catalog");
        }
      }
    }

    List<TaskEntry> tasks = c.tasks();
    if (tasks.isEmpty()) {
      throw fail("tasks", "the catalog lists no tasks");
    }
    if (tasks.size() > MAX_TASKS) {
      throw fail("tasks", "目录列出 " + tasks.size() + " 项任务,每项部署为一个流程,一份方案最多 " + MAX_TASKS + " 项");
    }
    Set<String> numbers = new HashSet<>();
    Map<String, String> slugs = new HashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      TaskEntry t = tasks.get(i);
      String at = "tasks[" + i + "]";
      requireText(t.number(), at + ".number");
      requireFilledIn(t.number(), at + ".number");
      requireLength(t.number(), MAX_TASK_NUMBER, at + ".number");
      requireText(t.title(), at + ".title");
      requireLength(t.title(), MAX_TASK_TITLE, at + ".title");
      checkProcessKey(plan.id(), t.number(), at + ".number");
      if (t.number().contains("/")) {
        // a round's business key is plan/task/year: a slash in the number would be read as one
        throw fail(at + ".number", "任务编号 '" + t.number() + "' 不能含「/」:轮次的业务编号以 / 分隔规划、任务和年度");
      }
      if (!numbers.add(t.number())) {
        throw fail(at + ".number", "task number '" + t.number() + "' is used twice");
      }
      // the number names the task's process: two numbers must not read the same in ASCII
      String other = slugs.putIfAbsent(AsciiNames.taskSlug(t.number()), t.number());
      if (other != null) {
        throw fail(
            at + ".number",
            "task number '" + t.number() + "' gives the same process key as '" + other + "'");
      }
      checkUnits(t, at, policy, byName);
    }
    new TargetChecks(file, lines).check(plan.targets(), tasks);

    RoundCalendar calendar = withDefaults(c.calendar());
    if (calendar.midTermEvery() != null
        && (calendar.midTermEvery() < 2 || calendar.midTermEvery() > period.years())) {
      throw fail(
          "calendar.midTermEvery",
          calendar.midTermEvery()
              + " is not a number of years between 2 and the plan's "
              + period.years());
    }
    java.time.LocalDate reference = java.time.LocalDate.of(2000, 1, 1);
    if (!reference
        .plus(calendar.minimumLeadTime())
        .isAfter(reference.plus(calendar.coUnitLeadTime()))) {
      throw fail(
          "calendar.minimumLeadTime",
          calendar.minimumLeadTime()
              + " must be longer than calendar.coUnitLeadTime "
              + calendar.coUnitLeadTime()
              + ": co-units of a late-started round would have no time at all");
    }
    checkSchedules(calendar, period, tasks);
    return new PlanCatalog(plan, calendar, withDefaults(c.escalation()), units, tasks);
  }

  /**
   * Every round of a year must open and fall due within that year, each period's report after its
   * round opens; a task's dated deadline lies within the plan's period and makes it one round, so
   * it cannot also report every half-year or quarter.
   */
  private void checkSchedules(RoundCalendar calendar, PlanPeriod period, List<TaskEntry> tasks) {
    Set<Reporting> used = java.util.EnumSet.of(calendar.reporting());
    for (int i = 0; i < tasks.size(); i++) {
      TaskEntry t = tasks.get(i);
      String at = "tasks[" + i + "]";
      java.util.Optional<java.time.LocalDate> date = t.deadlineDate();
      if (date.isEmpty() && Deadline.looksLikeDate(t.deadline())) {
        throw fail(
            at + ".deadline",
            "任务 " + t.number() + " 的完成时限「" + t.deadline() + "」不是有效日期(例如 2025年6月30日前、2025年11月底前)");
      }
      if (date.isPresent() && !period.contains(date.get().getYear())) {
        throw fail(
            at + ".deadline",
            "任务 "
                + t.number()
                + " 的完成时限「"
                + t.deadline()
                + "」("
                + date.get()
                + ")不在规划期 "
                + period
                + " 内");
      }
      if (date.isPresent() && t.reporting() != null) {
        throw fail(
            at + ".reporting",
            "任务 "
                + t.number()
                + " 的完成时限「"
                + t.deadline()
                + "」是一个日期,只开启一轮、到期报送,不能再设 reporting: "
                + t.reporting());
      }
      if (t.reporting() != null && date.isEmpty()) {
        used.add(t.reporting());
      }
    }
    java.time.LocalDate starts = calendar.roundStarts().atYear(2001);
    for (Reporting reporting : used) {
      java.time.LocalDate last =
          starts.plusMonths((long) (reporting.periods.size() - 1) * reporting.monthsApart);
      if (last.getYear() != starts.getYear()) {
        throw fail(
            "calendar.roundStarts",
            "按 "
                + reporting
                + " 报送时,一年最后一期("
                + ReportPeriod.YEAR.label
                + ")于 "
                + last.getMonthValue()
                + "月"
                + last.getDayOfMonth()
                + "日开启,已到次年:roundStarts 须不晚于 "
                + (12 - (reporting.periods.size() - 1) * reporting.monthsApart)
                + " 月");
      }
    }
    if (used.stream().anyMatch(r -> r != Reporting.YEARLY)
        && calendar.roundStarts().getDayOfMonth() > 28) {
      // the engine steps its timer month by month: a period opening on the 31st would drift
      throw fail("calendar.roundStarts", "按半年或季度报送时,roundStarts 须在某月 1 日至 28 日之间");
    }
    for (ReportPeriod p : calendar.periodDue().keySet()) {
      String field = "calendar.periodDue." + (p == ReportPeriod.YEAR ? "YEAR" : p.code);
      if (p == ReportPeriod.YEAR) {
        throw fail(field, "全年报告的截止日期写在 calendar.reportDue");
      }
      if (used.stream().noneMatch(r -> r.periods.contains(p))) {
        throw fail(
            field,
            "本目录没有按「" + p.label + "」报送的任务(calendar.reporting: " + calendar.reporting() + ")");
      }
    }
    for (Reporting reporting : used) {
      for (ReportPeriod p : reporting.periods) {
        java.time.LocalDate opens =
            starts.plusMonths((long) reporting.indexOf(p) * reporting.monthsApart);
        java.time.LocalDate due = calendar.dueOf(p).atYear(2001);
        if (!due.minus(calendar.coUnitLeadTime()).isAfter(opens)) {
          throw fail(
              p == ReportPeriod.YEAR ? "calendar.reportDue" : "calendar.periodDue." + p.code,
              "「"
                  + p.label
                  + "」报告 "
                  + due.getMonthValue()
                  + "月"
                  + due.getDayOfMonth()
                  + "日截止,而该期 "
                  + opens.getMonthValue()
                  + "月"
                  + opens.getDayOfMonth()
                  + "日才开启:配合单位须在牵头单位前 "
                  + calendar.coUnitLeadTime()
                  + " 报送,没有时间");
        }
      }
    }
  }

  private void checkUnits(
      TaskEntry t, String at, ResponsibilityPolicy policy, Map<String, Unit> byName) {
    if (policy == ResponsibilityPolicy.ASSIGNED_PER_ROUND) {
      if (t.lead() != null || !t.coUnits().isEmpty()) {
        throw fail(
            at + ".lead",
            "plan.responsibility is ASSIGNED_PER_ROUND: units are assigned each round, not in the catalog");
      }
      return;
    }
    if (t.lead() == null && t.coUnits().isEmpty()) {
      throw fail(
          at + ".lead",
          "task "
              + t.number()
              + " "
              + t.title()
              + " names no unit: name its units, or (a plan whose units the office assigns each"
              + " round) set plan.responsibility: ASSIGNED_PER_ROUND");
    }
    if (t.lead() == null && policy == ResponsibilityPolicy.LEAD_FIRST) {
      throw fail(
          at + ".lead",
          "task " + t.number() + " has no lead although the plan names the first unit as lead");
    }
    if (t.lead() != null && !byName.containsKey(t.lead())) {
      throw fail(at + ".lead", "unit '" + t.lead() + "' is not in this catalog's units");
    }
    Set<String> seen = new HashSet<>();
    for (int j = 0; j < t.coUnits().size(); j++) {
      String name = t.coUnits().get(j);
      String field = at + ".coUnits[" + j + "]";
      Unit unit = byName.get(name);
      if (unit == null) {
        throw fail(field, "unit '" + name + "' is not in this catalog's units");
      }
      if (t.lead() != null && unit == byName.get(t.lead())) {
        throw fail(field, "unit '" + name + "' is the lead and cannot co-report as well");
      }
      if (!seen.add(unit.id())) {
        throw fail(field, "unit '" + name + "' is listed twice");
      }
    }
  }

  /**
   * A unit or office is one Camunda group: an id the engine can store, not a system group's, and a
   * name.
   */
  private void requireGroup(Unit u, String at) {
    requireId(u.id(), at + ".id");
    String system = SystemGroups.ALL.get(u.id());
    if (system != null) {
      throw fail(
          at + ".id", "'" + u.id() + "' 是系统组(" + system + "),目录只能创建和修改本方案单位的组,不能把它用作单位或督办单位");
    }
    requireText(u.name(), at + ".name");
    requireLength(u.name(), MAX_UNIT_NAME, at + ".name");
  }

  /**
   * The task's round process key must be storable and must not be the key of one of the plan's own
   * processes.
   */
  private void checkProcessKey(String planId, String number, String field) {
    String slug = AsciiNames.taskSlug(number);
    if (slug.isEmpty()) {
      throw fail(field, "任务编号 '" + number + "' 不含数字、字母或汉字,无法生成流程键");
    }
    if (PlanProcesses.SUFFIXES.contains(slug)) {
      throw fail(
          field,
          "任务编号 '"
              + number
              + "' 生成的流程键 '"
              + planId
              + "_"
              + slug
              + "' 与本方案自带的流程(督办通知、年度评估、期中评估)相同,请改用其他编号");
    }
    int length = planId.length() + 1 + slug.length();
    if (length > MAX_PROCESS_KEY_LENGTH) {
      throw fail(
          field,
          "任务编号 '" + number + "' 生成的流程键有 " + length + " 个字符,最长 " + MAX_PROCESS_KEY_LENGTH + " 个");
    }
  }

  /** A placeholder the importer left where the plan document did not say ({@link Placeholder}). */
  private void requireFilledIn(String value, String field) {
    if (Placeholder.isPlaceholder(value)) {
      throw fail(
          field,
          "'"
              + value
              + "' is a placeholder the importer left where the plan document does not say:"
              + " fill it in before deploying");
    }
  }

  private void requireLength(String value, int max, String field) {
    if (value != null && value.length() > max) {
      throw fail(field, "有 " + value.length() + " 个字符,最长 " + max + " 个");
    }
  }

  private static List<String> names(Unit u) {
    List<String> all = new ArrayList<>(u.aliases());
    all.add(0, u.name());
    return all;
  }

  private static RoundCalendar withDefaults(RoundCalendar c) {
    RoundCalendar d = RoundCalendar.DEFAULT;
    if (c == null) {
      return d;
    }
    return new RoundCalendar(
        c.roundStarts() == null ? d.roundStarts() : c.roundStarts(),
        c.reportDue() == null ? d.reportDue() : c.reportDue(),
        c.coUnitLeadTime() == null ? d.coUnitLeadTime() : c.coUnitLeadTime(),
        c.reworkTime() == null ? d.reworkTime() : c.reworkTime(),
        c.evaluationStarts() == null ? d.evaluationStarts() : c.evaluationStarts(),
        c.midTermEvery(),
        c.minimumLeadTime() == null ? d.minimumLeadTime() : c.minimumLeadTime(),
        c.reviewTime() == null ? d.reviewTime() : c.reviewTime(),
        c.decisionTime() == null ? d.decisionTime() : c.decisionTime(),
        c.reporting() == null ? d.reporting() : c.reporting(),
        c.periodDue());
  }

  private EscalationRules withDefaults(EscalationRules e) {
    EscalationRules d = EscalationRules.DEFAULT;
    if (e == null) {
      return d;
    }
    EscalationRules filled =
        new EscalationRules(
            orDefault(e.reminderBefore(), d.reminderBefore()),
            orDefault(e.overdueAfter(), d.overdueAfter()),
            orDefault(e.criticismAfter(), d.criticismAfter()),
            orDefault(e.secondCriticismAfter(), d.secondCriticismAfter()),
            e.extensionsAllowed() == null ? d.extensionsAllowed() : e.extensionsAllowed());
    requirePositive(filled.overdueAfter(), "escalation.overdueAfter");
    if (filled.extensionsAllowed() < 0 || filled.extensionsAllowed() > 10) {
      throw fail(
          "escalation.extensionsAllowed",
          filled.extensionsAllowed() + " must be between 0 (no extensions) and 10");
    }
    requirePositive(filled.criticismAfter(), "escalation.criticismAfter");
    requirePositive(filled.secondCriticismAfter(), "escalation.secondCriticismAfter");
    return filled;
  }

  private static Period orDefault(Period p, Period d) {
    return p == null ? d : p;
  }

  private void requirePositive(Period p, String field) {
    if (p.isNegative() || p.isZero()) {
      throw fail(field, p + " must be a positive duration");
    }
  }

  private <T> T required(T value, String field) {
    if (value == null) {
      throw fail(field, "is required");
    }
    return value;
  }

  private void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw fail(field, "is required");
    }
  }

  private void requireId(String value, String field) {
    requireText(value, field);
    if (Placeholder.isPlaceholderId(value)) {
      throw fail(
          field,
          "'"
              + value
              + "' is a placeholder id the importer left where the plan document names no place:"
              + " give the government's slug and the ids before deploying");
    }
    if (value.length() > MAX_ID_LENGTH) {
      throw fail(
          field,
          "'"
              + value.substring(0, 20)
              + "…' 有 "
              + value.length()
              + " 个字符,id 最长 "
              + MAX_ID_LENGTH
              + " 个(引擎的组 id 列为 varchar(64))");
    }
    if (!ID.matcher(value).matches()) {
      throw fail(
          field,
          "'"
              + value
              + "' is not a valid id (lower-case ASCII letters, digits and single hyphens)");
    }
  }

  private CatalogException fail(String field, String problem) {
    return new CatalogException(file, lines.lineOf(field), field, problem);
  }
}
