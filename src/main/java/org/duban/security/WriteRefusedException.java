package org.duban.security;

/**
 * A write that the caller's role may never make, whatever the engine's authorizations allow. Not a
 * {@code ProcessEngineException} on purpose: the engine's REST resources turn those into 400 or 404
 * and drop the reason, while this one reaches {@link WriteRefusedMapper} and answers 403 with it.
 */
public class WriteRefusedException extends RuntimeException {

  public WriteRefusedException(String message) {
    super(message);
  }
}
