package org.duban.delivery;

import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import org.duban.config.DubanProperties;
import org.duban.config.DubanProperties.Contact;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** E-mail over SMTP, through Spring Boot's mail sender (spring.mail.*). */
@Component
class MailChannel implements ChannelSender {

  private final ObjectProvider<JavaMailSender> mail;
  private final String from;

  MailChannel(
      ObjectProvider<JavaMailSender> mail,
      DubanProperties properties,
      @Value("${spring.mail.username:}") String mailUser) {
    this.mail = mail;
    String configured = properties.delivery().mailFrom();
    this.from =
        Contacts.present(configured)
            ? configured
            : mailUser.contains("@") ? mailUser : "duban@localhost";
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public String send(Contact contact, String recipientName, String subject, String text) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null || contact == null || !Contacts.present(contact.email())) {
      throw new DeliveryFailedException("未配置邮件服务器或收件地址 / no mail server or address");
    }
    String to = contact.email().trim();
    try {
      var message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(to);
      helper.setSubject(subject);
      helper.setText(text);
      sender.send(message);
    } catch (MailException | MessagingException e) {
      throw new DeliveryFailedException("邮件发送失败 / mail to " + to + " failed: " + e.getMessage(), e);
    }
    return to;
  }
}
