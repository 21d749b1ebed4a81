package org.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscalationStepTest {

  @Test
  void aReminderOnTimeCountsTheDaysLeft() {
    assertThat(EscalationStep.reminderText("2025-12-05", -3))
        .isEqualTo("距报送截止日期 2025-12-05 还有 3 天,请按时报送");
  }

  @Test
  void aReminderOnTheDueDaySaysToday() {
    assertThat(EscalationStep.reminderText("2025-12-05", 0))
        .isEqualTo("今天(2025-12-05)是报送截止日期,请于今天内报送");
  }

  @Test
  void aReminderThatFiresLateSaysHowLateNeverNegativeDays() {
    assertThat(EscalationStep.reminderText("2025-12-05", 6))
        .isEqualTo("报送截止日期 2025-12-05 已过 6 天,尚未报送,请尽快报送")
        .doesNotContain("还有");
  }
}
