package org.duban.names;

/** Where a notice stands. Only an issued notice counts in evaluations and statistics. */
public enum NoticeStatus {
  PROPOSED("待签发"),
  ISSUED("已签发"),
  WITHDRAWN("已撤回");

  public final String label;

  NoticeStatus(String label) {
    this.label = label;
  }
}
