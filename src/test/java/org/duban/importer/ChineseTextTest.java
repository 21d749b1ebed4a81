package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseTextTest {

  @Test
  void convertsTraditionalWithTaiwanVocabulary() {
    assertThat(ChineseText.toSimplified("最佳化智慧財產權轉移轉化機制")).isEqualTo("优化知识产权转移转化机制");
    assertThat(ChineseText.toSimplified("推進“網際網路+智慧財產權”公共服務模式")).isEqualTo("推进“互联网+知识产权”公共服务模式");
    assertThat(ChineseText.toSimplified("開展中國小智慧財產權教育試點示範工作")).isEqualTo("开展中小学知识产权教育试点示范工作");
  }

  @Test
  void leavesMainlandWordsAlone() {
    // Taiwan-mode conversion would turn these into 创建健全 / 运行 / 数据 / 智能城市
    assertThat(ChineseText.toSimplified("建立健全執行資料智慧城市")).isEqualTo("建立健全执行资料智慧城市");
    assertThat(ChineseText.toSimplified("中國小康社會")).isEqualTo("中国小康社会");
  }
}
