package org.duban.delivery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.duban.config.DubanProperties.Contact;
import org.springframework.stereotype.Component;

/**
 * A DingTalk group robot (自定义机器人). A robot with 加签 gets {@code &timestamp=…&sign=…}: the HmacSHA256
 * of {@code timestamp + "\n" + secret} under the secret, Base64, URL-encoded.
 */
@Component
class DingTalkChannel implements ChannelSender {

  /** DingTalk's limit for a text message's content, in UTF-8 bytes. */
  static final int MAX_BYTES = 20000;

  private final RobotWebhook webhook;

  DingTalkChannel(RobotWebhook webhook) {
    this.webhook = webhook;
  }

  @Override
  public Channel channel() {
    return Channel.DINGTALK;
  }

  @Override
  public String send(Contact contact, String recipientName, String subject, String text) {
    if (contact == null || !Contacts.present(contact.dingtalkWebhook())) {
      throw new DeliveryFailedException("未配置钉钉 webhook / no dingtalk-webhook");
    }
    String url = contact.dingtalkWebhook().trim();
    if (Contacts.present(contact.dingtalkSecret())) {
      // DingTalk checks the timestamp against its own clock (within an hour): the real time, not
      // the engine's
      long timestamp = System.currentTimeMillis();
      url +=
          (url.contains("?") ? "&" : "?")
              + "timestamp="
              + timestamp
              + "&sign="
              + sign(timestamp, contact.dingtalkSecret().trim());
    }
    webhook.postText("钉钉机器人", url, subject + "\n\n" + text, MAX_BYTES);
    return Channel.DINGTALK.label;
  }

  static String sign(long timestamp, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
      return URLEncoder.encode(Base64.getEncoder().encodeToString(digest), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
