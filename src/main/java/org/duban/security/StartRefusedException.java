package org.duban.security;

/**
 * Duban refuses to start because of its configuration: what is wrong (naming the environment
 * variable or property) and what to do, each one sentence; {@link StartRefusedFailureAnalyzer}
 * prints them instead of a stack trace.
 */
public class StartRefusedException extends RuntimeException {

  private final String problem;
  private final String action;

  public StartRefusedException(String problem, String action) {
    super("Duban will not start: " + problem + " " + action, null, false, false);
    this.problem = problem;
    this.action = action;
  }

  /** What is wrong, e.g. "(profile postgres) DUBAN_DB_URL is not set." */
  public String problem() {
    return problem;
  }

  /** What to do about it. */
  public String action() {
    return action;
  }
}
