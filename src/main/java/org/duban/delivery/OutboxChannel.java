package org.duban.delivery;

import org.duban.config.DubanProperties.Contact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's channel: the message is written to the log, and stays readable in the delivery's
 * history ({@code GET /api/delivery/outbox}, the round's 送达记录). Nothing leaves the machine.
 */
@Component
class OutboxChannel implements ChannelSender {

  private static final Logger log = LoggerFactory.getLogger("org.duban.delivery.Outbox");

  @Override
  public Channel channel() {
    return Channel.OUTBOX;
  }

  @Override
  public String send(Contact contact, String recipientName, String subject, String text) {
    log.info("发件箱 → {}:{}\n{}", recipientName, subject, text);
    return Channel.OUTBOX.label;
  }
}
