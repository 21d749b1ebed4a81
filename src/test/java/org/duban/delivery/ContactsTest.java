package org.duban.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.duban.catalog.PlanCatalogs;
import org.duban.config.DubanProperties;
import org.duban.config.DubanProperties.Contact;
import org.duban.identity.UnitDirectory;
import org.duban.security.StartRefusedException;
import org.duban.security.StartRefusedFailureAnalyzer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Bad contact configuration refuses the start, naming the unit and the field. */
class ContactsTest {

  static final UnitDirectory DIRECTORY =
      new UnitDirectory(PlanCatalogs.load(List.of("classpath*:plans/*.yaml")));
  static final String POLICE = "wuzhong-gonganju";

  @Test
  void shouldRefuseAWebhookThatIsNotHttps() {
    assertThatThrownBy(
            () ->
                contacts(
                    Map.of(POLICE, dingTalk("http://oapi.dingtalk.com/robot/send?access_token=x")),
                    true,
                    false))
        .isInstanceOf(StartRefusedException.class)
        .hasMessageContaining("duban.delivery.contacts.wuzhong-gonganju.dingtalk-webhook")
        .hasMessageContaining("https");
    assertThatThrownBy(
            () ->
                contacts(
                    Map.of(
                        POLICE,
                        new Contact(null, null, null, "qyapi.weixin.qq.com/cgi-bin/webhook/send")),
                    true,
                    false))
        .isInstanceOf(StartRefusedException.class)
        .hasMessageContaining("wuzhong-gonganju.wecom-webhook");
  }

  @Test
  void shouldPrintTheRefusalAsSpringBootsStartUpReport() {
    StartRefusedException refused =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            StartRefusedException.class,
            () -> contacts(Map.of(POLICE, dingTalk("http://example.com/robot")), true, false));
    var analysis =
        new StartRefusedFailureAnalyzer()
            .analyze(new BeanCreationException("contacts", "cannot create", refused));
    assertThat(analysis.getDescription())
        .startsWith(
            "Duban will not start: duban.delivery.contacts.wuzhong-gonganju.dingtalk-webhook:")
        .contains("必须是 https 地址");
    assertThat(analysis.getAction()).contains("https://");
  }

  @Test
  void shouldRefuseAnUnknownUnitAMalformedAddressAndASecretWithoutItsRobot() {
    assertThatThrownBy(() -> contacts(Map.of("wuzhong-nosuchju", email("a@b.cn")), true, false))
        .hasMessageContaining("duban.delivery.contacts.wuzhong-nosuchju")
        .hasMessageContaining("不在任何规划目录中");
    assertThatThrownBy(() -> contacts(Map.of(POLICE, email("not-an-address")), true, false))
        .hasMessageContaining("wuzhong-gonganju.email")
        .hasMessageContaining("不是电子邮件地址");
    assertThatThrownBy(() -> contacts(Map.of(POLICE, email("ban@example.gov.cn")), false, false))
        .as("an address needs a mail server")
        .hasMessageContaining("wuzhong-gonganju.email")
        .hasMessageContaining("spring.mail.host");
    assertThatThrownBy(
            () -> contacts(Map.of(POLICE, new Contact(null, null, "SECabc", null)), true, false))
        .hasMessageContaining("wuzhong-gonganju.dingtalk-secret");
  }

  @Test
  void shouldRouteEachConfiguredChannelAndTheOutboxWhereItIsOn() {
    Contacts contacts =
        contacts(
            Map.of(
                POLICE,
                new Contact(
                    "ban@example.gov.cn",
                    "https://oapi.dingtalk.com/robot/send?access_token=x",
                    "SECabc",
                    "http://localhost:8081/cgi-bin/webhook/send?key=k")),
            true,
            true);
    assertThat(contacts.channels(POLICE))
        .containsExactly(Channel.EMAIL, Channel.DINGTALK, Channel.WECOM, Channel.OUTBOX);
    assertThat(contacts.channels("wuzhong-sifaju"))
        .as("no contacts: the outbox only")
        .containsExactly(Channel.OUTBOX);
    assertThat(contacts(Map.of(), false, false).channels(POLICE))
        .as("no contacts, no outbox")
        .isEmpty();
    assertThat(contacts.name(POLICE)).isEqualTo("市公安局");
  }

  @Test
  void shouldSignDingTalkCallsAsDingTalkDocumentsIt() {
    // timestamp + "\n" + secret, HmacSHA256 under the secret, Base64, URL-encoded
    assertThat(DingTalkChannel.sign(1700000000000L, "SECabc"))
        .isEqualTo(
            java.net.URLEncoder.encode(
                expected(1700000000000L, "SECabc"), java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String expected(long timestamp, String secret) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(
              secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
      return java.util.Base64.getEncoder()
          .encodeToString(
              mac.doFinal(
                  (timestamp + "\n" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Contact email(String address) {
    return new Contact(address, null, null, null);
  }

  private static Contact dingTalk(String url) {
    return new Contact(null, url, null, null);
  }

  private static Contacts contacts(Map<String, Contact> contacts, boolean mail, boolean outbox) {
    DubanProperties properties =
        new DubanProperties(
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new DubanProperties.Delivery(null, outbox, null, null, null, contacts),
            null);
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    if (mail) {
      beans.addBean("mailSender", new JavaMailSenderImpl());
    }
    return new Contacts(properties, DIRECTORY, beans.getBeanProvider(JavaMailSender.class));
  }
}
