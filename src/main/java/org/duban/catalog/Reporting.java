package org.duban.catalog;

import java.util.List;

/**
 * How often the units of a plan (or of one task) report: one round per period, each due on its own
 * day. The periods of a year open {@link #monthsApart} after each other, the first on the
 * calendar's {@code roundStarts}.
 */
public enum Reporting {
  YEARLY("每年", 12, List.of(ReportPeriod.YEAR)),
  HALF_YEARLY("每半年", 6, List.of(ReportPeriod.H1, ReportPeriod.YEAR)),
  QUARTERLY(
      "每季度", 3, List.of(ReportPeriod.Q1, ReportPeriod.Q2, ReportPeriod.Q3, ReportPeriod.YEAR));

  public final String label;
  public final int monthsApart;
  public final List<ReportPeriod> periods;

  Reporting(String label, int monthsApart, List<ReportPeriod> periods) {
    this.label = label;
    this.monthsApart = monthsApart;
    this.periods = periods;
  }

  /** The period's place in the year: its round opens this many times {@link #monthsApart} in. */
  public int indexOf(ReportPeriod period) {
    return periods.indexOf(period);
  }
}
