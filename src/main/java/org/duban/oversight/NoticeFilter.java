package org.duban.oversight;

/** What the notice register is narrowed to; null or blank means any. */
public record NoticeFilter(String plan, Integer year, String unit, String type, String status) {

  public static NoticeFilter all() {
    return new NoticeFilter(null, null, null, null, null);
  }
}
