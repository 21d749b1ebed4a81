package org.duban.catalog;

import java.time.Period;

/**
 * The notification-and-criticism ladder on every unit task. Defaults follow published supervision
 * rules (DOMAIN.md): remind 3 days ahead, overdue notice the day after, criticism 5 days later.
 */
public record EscalationRules(
    Period reminderBefore,
    Period overdueAfter,
    Period criticismAfter,
    Period secondCriticismAfter) {

  public static final EscalationRules DEFAULT =
      new EscalationRules(Period.ofDays(3), Period.ofDays(1), Period.ofDays(5), Period.ofDays(5));
}
