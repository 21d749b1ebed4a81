package org.duban.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.duban.config.DubanProperties;
import org.junit.jupiter.api.Test;

/** The texts recipients read, and the cuts that keep a long one deliverable. */
class MessageTextsTest {

  static final MessageTexts TEXTS =
      new MessageTexts(
          new DubanProperties(
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              new DubanProperties.Delivery(
                  "https://duban.example.gov.cn/camunda/app/tasklist/default",
                  false,
                  null,
                  null,
                  null,
                  null),
              null));

  static Message message(MessageKind kind, String reason) {
    return new Message(
        kind,
        "wuzhong-2022",
        "吴忠市知识产权保护和运用“十四五”规划",
        "wuzhong-2022/一.4-展会/2025",
        "吴忠 一.4-展会 建立展会知识产权保护机制 2025年度",
        "一.4-展会",
        "建立展会知识产权保护机制",
        2025,
        "wuzhong-gonganju",
        "市公安局",
        LocalDate.of(2025, 12, 5),
        reason,
        "task-1");
  }

  @Test
  void shouldLinkTheUnitToItsTaskAndTheOfficeToTasklist() {
    Message criticism = message(MessageKind.CRITICISM, "逾期未报送");
    assertThat(TEXTS.subject(criticism)).isEqualTo("【督办】通报批评:市公安局 · 吴忠 一.4-展会 建立展会知识产权保护机制 2025年度");
    assertThat(TEXTS.text(criticism, "wuzhong-gonganju", "市公安局"))
        .startsWith("市公安局:")
        .contains("督办单位已对市公安局签发通报批评:逾期未报送")
        .contains("截止日期:2025-12-05")
        .contains("办理入口:https://duban.example.gov.cn/camunda/app/tasklist/default/#/?task=task-1");
    assertThat(TEXTS.text(criticism, "wuzhong-lianxihuiyiban", "联席会议办公室"))
        .contains("办理入口:https://duban.example.gov.cn/camunda/app/tasklist/default/\n")
        .doesNotContain("task-1");
  }

  @Test
  void shouldCutALongTextToTheRobotsLimitKeepingTheLink() {
    String text =
        TEXTS.text(message(MessageKind.CRITICISM, "逾期".repeat(2000)), "wuzhong-gonganju", "市公安局");
    String fitted = RobotWebhook.fit(text, WeComChannel.MAX_BYTES);
    assertThat(fitted.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(WeComChannel.MAX_BYTES);
    assertThat(fitted)
        .startsWith("市公安局:")
        .endsWith("办理入口:https://duban.example.gov.cn/camunda/app/tasklist/default/#/?task=task-1");
    assertThat(RobotWebhook.fit("短消息", WeComChannel.MAX_BYTES)).isEqualTo("短消息");
    assertThat(Deliveries.cut(text)).hasSizeLessThan(4000).endsWith("…(全文见督办系统)");
  }
}
