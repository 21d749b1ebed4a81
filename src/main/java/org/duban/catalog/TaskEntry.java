package org.duban.catalog;

import java.util.List;

/**
 * A main task of a plan; deployed as its own process.
 *
 * @param number the plan's numbering, e.g. 二.1; a promoted measure adds a suffix (一.4-展会)
 * @param measureOf for a promoted measure: the task it was taken from
 * @param original the task as the plan document words it, where that differs from {@code text} (a
 *     Traditional-script plan): kept for review and audit
 * @param lead lead unit name, or null where the plan names none and the round assigns it
 * @param coUnits co-responsible unit names (may be empty)
 * @param deadline the deadline the plan sets for the task (完成时限), as written: "2025年11月底前", "长期坚持";
 *     null where it sets none. {@link #deadlineDate()} reads the date where it is one: such a task
 *     has one round, due then, instead of one per year
 * @param reporting how often this task's units report, where it differs from the plan's calendar
 */
public record TaskEntry(
    String number,
    String title,
    String measureOf,
    String text,
    String original,
    String lead,
    List<String> coUnits,
    List<Target> targets,
    String deadline,
    Reporting reporting) {

  public TaskEntry {
    coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
    targets = targets == null ? List.of() : List.copyOf(targets);
  }

  /** A task reporting as its plan does. */
  public TaskEntry(
      String number,
      String title,
      String measureOf,
      String text,
      String original,
      String lead,
      List<String> coUnits,
      List<Target> targets,
      String deadline) {
    this(number, title, measureOf, text, original, lead, coUnits, targets, deadline, null);
  }

  /** The same task with another deadline (完成时限). */
  public TaskEntry withDeadline(String deadline) {
    return new TaskEntry(
        number, title, measureOf, text, original, lead, coUnits, targets, deadline, reporting);
  }

  /** The same task reporting otherwise than its plan. */
  public TaskEntry withReporting(Reporting reporting) {
    return new TaskEntry(
        number, title, measureOf, text, original, lead, coUnits, targets, deadline, reporting);
  }

  /** How often this task reports: its own rule, else the plan's. */
  public Reporting reportingIn(RoundCalendar calendar) {
    return reporting != null ? reporting : calendar.reporting();
  }

  /** The date of {@link #deadline}, where the text is a date ("2025年11月底前" → 2025-11-30). */
  public java.util.Optional<java.time.LocalDate> deadlineDate() {
    return Deadline.dateOf(deadline);
  }
}
