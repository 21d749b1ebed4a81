package org.duban.delivery;

import org.duban.config.DubanProperties.Contact;
import org.springframework.stereotype.Component;

/** A WeCom (企业微信) group robot: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… */
@Component
class WeComChannel implements ChannelSender {

  /** WeCom's limit for a text message's content, in UTF-8 bytes. */
  static final int MAX_BYTES = 2048;

  private final RobotWebhook webhook;

  WeComChannel(RobotWebhook webhook) {
    this.webhook = webhook;
  }

  @Override
  public Channel channel() {
    return Channel.WECOM;
  }

  @Override
  public String send(Contact contact, String recipientName, String subject, String text) {
    if (contact == null || !Contacts.present(contact.wecomWebhook())) {
      throw new DeliveryFailedException("未配置企业微信 webhook / no wecom-webhook");
    }
    webhook.postText("企业微信机器人", contact.wecomWebhook().trim(), subject + "\n\n" + text, MAX_BYTES);
    return Channel.WECOM.label;
  }
}
