package org.duban.round;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A round that must not start (duplicate, year outside the plan): the message says why, in Chinese.
 */
public class RoundRefusedException extends BadUserRequestException {

  public RoundRefusedException(String message) {
    super(message);
  }
}
