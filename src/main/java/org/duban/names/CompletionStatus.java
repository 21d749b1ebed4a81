package org.duban.names;

import java.util.Arrays;
import java.util.Optional;

/** A unit's own statement of how far the year's work has come. */
public enum CompletionStatus {
  DONE("已完成"),
  ON_TRACK("按计划推进"),
  BEHIND("进度滞后"),
  NOT_STARTED("尚未启动");

  public final String label;

  CompletionStatus(String label) {
    this.label = label;
  }

  public static Optional<CompletionStatus> parse(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    String text = value.toString().trim();
    return Arrays.stream(values())
        .filter(s -> s.name().equals(text) || s.label.equals(text))
        .findFirst();
  }

  /** "已完成、按计划推进、进度滞后或尚未启动", for messages. */
  public static String choices() {
    return Labels.either(CompletionStatus.class, s -> s.label);
  }
}
