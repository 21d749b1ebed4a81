package org.duban.round;

import org.camunda.bpm.engine.BadUserRequestException;

/** A submitted report or review that breaks a form rule; nothing of the submission is kept. */
public class ReportRejectedException extends BadUserRequestException {

  public ReportRejectedException(String message) {
    super(message);
  }
}
