package org.duban.delivery;

/**
 * A delivery that did not arrive: the job fails, the job executor retries it on the configured
 * cycle, and the last failure is an incident. The message is the job log's record of the attempt,
 * so it never carries a secret (webhook keys, signatures).
 */
public class DeliveryFailedException extends RuntimeException {

  public DeliveryFailedException(String message) {
    super(message);
  }

  public DeliveryFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
