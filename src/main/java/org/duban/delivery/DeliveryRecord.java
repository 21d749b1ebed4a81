package org.duban.delivery;

import java.util.List;

/**
 * One message to one recipient over one channel, as history keeps it (送达记录): what was sent, and
 * every attempt of the job executor with its result.
 *
 * @param status DELIVERED, PENDING (queued or waiting for a retry) or FAILED (an open incident)
 */
public record DeliveryRecord(
    String processInstanceId,
    String queuedAt,
    String event,
    String eventLabel,
    String unit,
    String unitName,
    String recipient,
    String recipientName,
    String channel,
    String channelLabel,
    String subject,
    String text,
    String status,
    String statusLabel,
    String deliveredAt,
    String deliveredTo,
    List<Attempt> attempts) {

  /** One run of the delivery's job: when, and whether it arrived or what went wrong. */
  public record Attempt(String time, boolean delivered, String error) {}
}
