package org.duban.forms;

import org.camunda.bpm.engine.BadUserRequestException;

/** A submitted report or review that breaks a form rule; nothing of the submission is kept. */
public class FormRejectedException extends BadUserRequestException {

  public FormRejectedException(String message) {
    super(message);
  }
}
