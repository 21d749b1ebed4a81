package org.duban.oversight;

/** The light of one unit in one round on the board. */
public enum Light {
  ON_TIME("green", "按时报送"),
  LATE("green-outline", "逾期后已报送"),
  NOT_DUE("grey", "未到期"),
  WAITING("grey", "尚未开始"),
  DUE_SOON("blue", "即将到期"),
  OVERDUE("yellow", "已逾期"),
  CRITICISED("red", "已通报批评");

  public final String colour;
  public final String label;

  Light(String colour, String label) {
    this.colour = colour;
    this.label = label;
  }
}
