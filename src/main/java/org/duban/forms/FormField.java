package org.duban.forms;

/**
 * One field a task's form declares: its variable name, what kind of value it takes, and the label a
 * user reads in the form. A <em>filed</em> field is read by the task's rules and written into the
 * record they file (a unit's report): the engine holds it for the submission only (a transient
 * variable), so the record is not kept a second time as the task's variable. The submission itself
 * stays in history as the engine's form-field record.
 */
public record FormField(String name, Kind kind, String label, boolean filed) {

  /** What a field may carry: text (Tasklist sends a String) or an uploaded file. */
  public enum Kind {
    TEXT,
    FILE
  }

  public static FormField text(String name, String label) {
    return new FormField(name, Kind.TEXT, label, false);
  }

  /** A text the task's rules file into the record they write (see the class comment). */
  public static FormField filedText(String name, String label) {
    return new FormField(name, Kind.TEXT, label, true);
  }

  /** A file is always kept as the task's variable: the filed record refers to its bytes. */
  public static FormField file(String name, String label) {
    return new FormField(name, Kind.FILE, label, false);
  }
}
