package org.duban.oversight;

import java.util.Comparator;
import java.util.Map;

/**
 * What the ledger is narrowed to and ordered by; null or blank means any.
 *
 * @param sort one of {@link #SORTS}, by default days overdue
 * @param descending the order; the default sort (days overdue) lists the longest overdue first
 */
public record OverdueFilter(
    String plan, Integer year, String unit, String sort, Boolean descending) {

  static final Map<String, Comparator<LedgerRow>> SORTS =
      Map.of(
          "daysOverdue", Comparator.comparingLong(LedgerRow::daysOverdue),
          "due", Comparator.comparing(LedgerRow::due),
          "plan", Comparator.comparing(LedgerRow::planId),
          "task", Comparator.comparing(LedgerRow::taskNumber),
          "year", Comparator.comparing(r -> r.year() == null ? 0 : r.year()),
          "unit", Comparator.comparing(LedgerRow::unitName),
          "handler", Comparator.comparing(r -> r.handlerName() == null ? "" : r.handlerName()),
          "rung", Comparator.comparing(LedgerRow::rung));

  public static OverdueFilter all() {
    return new OverdueFilter(null, null, null, null, null);
  }

  Comparator<LedgerRow> order() {
    String key = sort == null || !SORTS.containsKey(sort) ? "daysOverdue" : sort;
    boolean desc = descending == null ? key.equals("daysOverdue") : descending;
    Comparator<LedgerRow> order = SORTS.get(key);
    order = desc ? order.reversed() : order;
    // a stable tie-break, so that an export lists rows as the screen did
    return order.thenComparing(LedgerRow::planId).thenComparing(LedgerRow::taskId);
  }
}
