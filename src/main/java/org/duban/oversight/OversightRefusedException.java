package org.duban.oversight;

/** The caller is neither a plan's coordinating office nor an auditor: answered with 403. */
public class OversightRefusedException extends RuntimeException {

  public OversightRefusedException(String message) {
    super(message);
  }
}
