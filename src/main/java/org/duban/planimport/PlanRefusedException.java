package org.duban.planimport;

/**
 * A publication the caller may not make (someone else's plan, a change of its office): 403 with the
 * reason.
 */
public class PlanRefusedException extends RuntimeException {

  public PlanRefusedException(String message) {
    super(message);
  }
}
