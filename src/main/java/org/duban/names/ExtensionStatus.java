package org.duban.names;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where an extension request stands: waiting for the office, or decided. */
public enum ExtensionStatus {
  PENDING("待审批"),
  APPROVED("已批准"),
  REFUSED("不予延期");

  public final String label;

  ExtensionStatus(String label) {
    this.label = label;
  }

  /** The office's two answers, as its form offers them. */
  public static String decisions() {
    return Arrays.stream(new ExtensionStatus[] {APPROVED, REFUSED})
        .map(s -> s.name() + "(" + s.label + ")")
        .collect(Collectors.joining("、"));
  }
}
