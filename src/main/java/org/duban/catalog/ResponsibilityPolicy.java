package org.duban.catalog;

/** How a plan names the units of its tasks, and so who consolidates a round. */
public enum ResponsibilityPolicy {
  /** "责任单位:A、B、C": the first unit leads, the others co-report. */
  LEAD_FIRST,
  /**
   * "(A、B…按职责分工负责)": every unit reports; the coordinating office consolidates unless the catalog
   * names a lead.
   */
  JOINT,
  /** No units named: each round begins with the coordinating office assigning lead and co-units. */
  ASSIGNED_PER_ROUND
}
