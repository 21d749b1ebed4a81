package org.duban.catalog;

/** The years a plan runs, both ends included (e.g. 十四五: 2021–2025). */
public record PlanPeriod(int from, int to) {

  public boolean contains(int year) {
    return year >= from && year <= to;
  }

  public int years() {
    return to - from + 1;
  }

  @Override
  public String toString() {
    return from + "–" + to;
  }
}
