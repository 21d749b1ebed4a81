package org.duban.extension;

/**
 * What a unit sends to ask for more time: its open report task, why, and the day it proposes (ISO
 * date, e.g. 2025-12-25).
 */
public record ExtensionRequest(String taskId, String reason, String proposedDue) {

  /** The longest reason a request keeps: a paragraph, not an attachment. */
  public static final int MAX_REASON = 500;
}
