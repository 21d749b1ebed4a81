package org.duban.forms;

/**
 * One field a task's form declares: its variable name, what kind of value it takes, and the label a
 * user reads in the form.
 */
public record FormField(String name, Kind kind, String label) {

  /** What a field may carry: text (Tasklist sends a String) or an uploaded file. */
  public enum Kind {
    TEXT,
    FILE
  }

  public static FormField text(String name, String label) {
    return new FormField(name, Kind.TEXT, label);
  }

  public static FormField file(String name, String label) {
    return new FormField(name, Kind.FILE, label);
  }
}
