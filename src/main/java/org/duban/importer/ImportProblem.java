package org.duban.importer;

/**
 * Something the importer could not read, or read with a caveat a reviewer should check.
 *
 * @param line 1-based line of the plan document (0 when the problem concerns the whole text)
 */
public record ImportProblem(Severity severity, int line, String message) {

  public enum Severity {
    /** The catalog cannot be produced (no tasks, unreadable units). */
    ERROR,
    /** The catalog was produced; a reviewer should check this spot. */
    WARNING
  }

  static ImportProblem error(int line, String message) {
    return new ImportProblem(Severity.ERROR, line, message);
  }

  static ImportProblem warning(int line, String message) {
    return new ImportProblem(Severity.WARNING, line, message);
  }

  /** "plan.txt:12: error: …" — the form compilers use, so editors can jump to the line. */
  public String format(String source) {
    return source + ":" + line + ": " + severity.name().toLowerCase() + ": " + message;
  }
}
