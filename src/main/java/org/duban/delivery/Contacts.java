package org.duban.delivery;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.duban.config.DubanProperties;
import org.duban.config.DubanProperties.Contact;
import org.duban.identity.UnitDirectory;
import org.duban.security.StartRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Where each unit and office is reached ({@code duban.delivery.contacts}), checked at start-up: an
 * unknown group, a malformed address or a webhook that is not https refuses the start, naming the
 * unit and the field. A group without contacts is only a warning: its messages are kept in history
 * (and the outbox, where it is on) but reach nobody.
 */
@Component
public class Contacts {

  private static final Logger log = LoggerFactory.getLogger(Contacts.class);
  private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");
  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
  static final String PREFIX = "duban.delivery.contacts.";

  private final Map<String, Contact> contacts;
  private final boolean outbox;
  private final Map<String, String> names;

  public Contacts(
      DubanProperties properties, UnitDirectory directory, ObjectProvider<JavaMailSender> mail) {
    this.contacts = properties.delivery().contacts();
    this.outbox = properties.delivery().outbox();
    this.names =
        directory.all().stream()
            .collect(Collectors.toMap(UnitDirectory.Entry::id, UnitDirectory.Entry::name));
    contacts.forEach((group, contact) -> check(group, contact, mail.getIfAvailable() != null));
    warnAboutMissing();
  }

  /** The channels a message to this group goes by, in a fixed order; none without contacts. */
  public List<Channel> channels(String group) {
    List<Channel> channels = new ArrayList<>();
    Contact c = contacts.get(group);
    if (c != null) {
      if (present(c.email())) {
        channels.add(Channel.EMAIL);
      }
      if (present(c.dingtalkWebhook())) {
        channels.add(Channel.DINGTALK);
      }
      if (present(c.wecomWebhook())) {
        channels.add(Channel.WECOM);
      }
    }
    if (outbox) {
      channels.add(Channel.OUTBOX);
    }
    return channels;
  }

  /** The group's contact as configured now (a delivery reads it when it runs, not when queued). */
  public Contact of(String group) {
    Contact c = contacts.get(group);
    if (c == null) {
      throw new DeliveryFailedException(
          "「" + name(group) + "」(" + group + ")未配置联系方式 / no contacts configured for " + group);
    }
    return c;
  }

  public String name(String group) {
    return names.getOrDefault(group, group);
  }

  static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private void check(String group, Contact contact, boolean mailConfigured) {
    String at = PREFIX + group;
    if (!names.containsKey(group)) {
      refuse(
          at,
          "单位「" + group + "」不在任何规划目录中 / names no unit or office of the catalogs",
          "请使用 plans/*.yaml 中 units[].id 或 coordinatingOffice.id 的单位编号。");
    }
    String email = contact.email();
    if (present(email)) {
      if (!EMAIL.matcher(email.trim()).matches()) {
        refuse(
            at + ".email",
            "「" + email + "」不是电子邮件地址 / is not an e-mail address",
            "请填写如 ban@example.gov.cn 的地址。");
      }
      if (!mailConfigured) {
        refuse(
            at + ".email",
            "已配置电子邮件,但未配置邮件服务器 / is set but spring.mail.host is not",
            "请设置 spring.mail.host(及 port、username、password),或删除该单位的 email。");
      }
    }
    webhook(at + ".dingtalk-webhook", contact.dingtalkWebhook());
    webhook(at + ".wecom-webhook", contact.wecomWebhook());
    if (present(contact.dingtalkSecret()) && !present(contact.dingtalkWebhook())) {
      refuse(
          at + ".dingtalk-secret",
          "配置了钉钉加签密钥却没有钉钉 webhook / is set without dingtalk-webhook",
          "请同时设置 dingtalk-webhook,或删除 dingtalk-secret。");
    }
  }

  /** Robots are reached over https; plain http only on this machine (tests, a local relay). */
  private static void webhook(String field, String url) {
    if (!present(url)) {
      return;
    }
    URI uri;
    try {
      uri = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      refuse(field, "不是有效的网址 / is not a valid URL", "请填写机器人设置中给出的完整 webhook 地址。");
      return;
    }
    boolean https = "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
    boolean local =
        "http".equalsIgnoreCase(uri.getScheme())
            && uri.getHost() != null
            && LOCAL_HOSTS.contains(uri.getHost().toLowerCase());
    if (!https && !local) {
      refuse(
          field,
          "必须是 https 地址(http 只允许 localhost)/ must be https (http only to localhost)",
          "请填写以 https:// 开头的 webhook 地址。");
    }
  }

  private static void refuse(String field, String problem, String action) {
    throw new StartRefusedException(field + ": " + problem + ".", action);
  }

  private void warnAboutMissing() {
    List<String> missing =
        names.keySet().stream().filter(g -> channelsConfigured(g) == 0).sorted().toList();
    if (!missing.isEmpty()) {
      log.warn(
          "送达:{} 个单位未配置联系方式,给它们的消息{} / {} units and offices have no contacts"
              + " (duban.delivery.contacts): {}",
          missing.size(),
          outbox ? "只送到本地发件箱" : "只记录在历史中、不发送",
          missing.size(),
          String.join(", ", missing));
    }
  }

  private int channelsConfigured(String group) {
    Contact c = contacts.get(group);
    return c == null ? 0 : channels(group).size() - (outbox ? 1 : 0);
  }
}
