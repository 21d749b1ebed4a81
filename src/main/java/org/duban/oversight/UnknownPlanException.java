package org.duban.oversight;

/**
 * A plan, or a notice, the caller may not read or that does not exist: answered with 404, the same
 * either way, so that asking reveals nothing about another plan.
 */
public class UnknownPlanException extends RuntimeException {

  public UnknownPlanException(String message) {
    super(message);
  }
}
