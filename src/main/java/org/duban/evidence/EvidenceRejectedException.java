package org.duban.evidence;

import org.camunda.bpm.engine.BadUserRequestException;

/** An evidence file that cannot be accepted; the message names the field, the file and the rule. */
public class EvidenceRejectedException extends BadUserRequestException {

  public EvidenceRejectedException(String message) {
    super(message);
  }
}
