package org.duban.forms;

import org.camunda.bpm.engine.BadUserRequestException;

/** A task submission that carries what the task's form does not declare; REST answers 400. */
public class TaskInputRejectedException extends BadUserRequestException {

  public TaskInputRejectedException(String message) {
    super(message);
  }
}
