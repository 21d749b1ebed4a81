package org.duban.catalog;

import java.time.Period;

/**
 * The notification-and-criticism ladder on every unit task. Defaults follow published supervision
 * rules (DOMAIN.md): remind 3 days ahead, overdue notice the day after, criticism 5 days later; a
 * unit may ask once, before its due date, for more time (延期申请).
 *
 * @param extensionsAllowed how many extension requests a unit may make per report task (0: none)
 */
public record EscalationRules(
    Period reminderBefore,
    Period overdueAfter,
    Period criticismAfter,
    Period secondCriticismAfter,
    Integer extensionsAllowed) {

  public static final int DEFAULT_EXTENSIONS_ALLOWED = 1;

  public static final EscalationRules DEFAULT =
      new EscalationRules(
          Period.ofDays(3),
          Period.ofDays(1),
          Period.ofDays(5),
          Period.ofDays(5),
          DEFAULT_EXTENSIONS_ALLOWED);

  /** The four durations as older catalogs state them; extension requests at the default. */
  public EscalationRules(
      Period reminderBefore,
      Period overdueAfter,
      Period criticismAfter,
      Period secondCriticismAfter) {
    this(reminderBefore, overdueAfter, criticismAfter, secondCriticismAfter, null);
  }
}
