package org.duban.catalog;

/**
 * Which side of its value a target is met on. Most plan targets are floors ("突破6件", "达到88万件"); a
 * ceiling ("下降到", "不超过", "控制在") is met at or below its value.
 */
public enum TargetDirection {
  AT_LEAST("不低于"),
  AT_MOST("不高于");

  public final String label;

  TargetDirection(String label) {
    this.label = label;
  }
}
