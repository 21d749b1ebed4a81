package org.duban.delivery;

import org.duban.config.DubanProperties.Contact;

/** Sends one message over one channel, or throws {@link DeliveryFailedException}. */
interface ChannelSender {

  Channel channel();

  /**
   * @param contact the recipient's contact as configured now (null for the outbox)
   * @return where it went, without secrets, for the record
   */
  String send(Contact contact, String recipientName, String subject, String text);
}
