package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseNumeralsTest {

  @ParameterizedTest
  @CsvSource({
    "一, 1",
    "九, 9",
    "十, 10",
    "十二, 12",
    "二十, 20",
    "二十三, 23",
    "九十九, 99",
    "一百, 100",
    "一百零五, 105",
    "一百一十, 110",
    "一百十二, 112",
    "一百二十三, 123",
    "两百, 200",
    "九百九十九, 999",
    "一千, 1000",
    "一千零一, 1001",
    "一千二百三十四, 1234",
    "四千九百九十九, 4999",
    "五千, 5000"
  })
  void parsesNumeralsOfOneHundredAndAbove(String numeral, int value) {
    assertThat(ChineseNumerals.parse(numeral)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "百", "零", "二三", "十十", "一百五", "十百", "一零", "一百零", "千万"})
  void refusesWhatIsNoNumber(String numeral) {
    assertThat(ChineseNumerals.parse(numeral)).isEqualTo(-1);
  }

  @Test
  void formatsWhatItParses() {
    for (int n = 1; n <= 5000; n++) {
      assertThat(ChineseNumerals.parse(ChineseNumerals.format(n))).as("" + n).isEqualTo(n);
    }
    assertThat(ChineseNumerals.format(105)).isEqualTo("一百零五");
    assertThat(ChineseNumerals.format(110)).isEqualTo("一百一十");
    assertThat(ChineseNumerals.format(14)).isEqualTo("十四");
  }
}
