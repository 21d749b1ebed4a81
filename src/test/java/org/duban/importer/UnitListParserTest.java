package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The unit-list traps on their own: brackets, prefix carry, collectives, 与. */
class UnitListParserTest {

  private static List<String> names(String list) throws UnreadableUnitsException {
    return UnitListParser.parse(ChineseText.toSimplified(list)).units().stream()
        .map(UnitName::name)
        .toList();
  }

  @Test
  void bracketsDoNotSplit() throws Exception {
    assertThat(names("各縣<市、區>人民政府")).containsExactly("各县(市、区)人民政府");
    assertThat(names("市場監管局<知識產權局>")).containsExactly("市场监管局(知识产权局)");
    assertThat(names("市公安局、市場監管局<知識產權局>")).containsExactly("市公安局", "市市场监管局(知识产权局)");
  }

  @Test
  void prefixCarriesWithinAGroupOnly() throws Exception {
    assertThat(names("省信用办、知识产权局")).containsExactly("省信用办", "省知识产权局");
    assertThat(names("市知识产权局、金融监管局,中国人民银行泉州市分行"))
        .containsExactly("市知识产权局", "市金融监管局", "中国人民银行泉州市分行");
    assertThat(names("区市场监管局、科技局")).containsExactly("区市场监管局", "区科技局");
    assertThat(names("市知识产权局、科技局,晋江市人民政府、丰泽区人民政府"))
        .containsExactly("市知识产权局", "市科技局", "晋江市人民政府", "丰泽区人民政府");
  }

  @Test
  void collectivesStayCollectives() throws Exception {
    UnitListParser.Parsed parsed = UnitListParser.parse("市知识产权局,市知识产权工作领导小组各成员单位");
    assertThat(parsed.units())
        .containsExactly(new UnitName("市知识产权局", false), new UnitName("市知识产权工作领导小组各成员单位", true));
    assertThat(names("有关部门与各县(市、区)人民政府")).containsExactly("有关部门", "各县(市、区)人民政府");
    assertThat(names("各开发区、工<农>业园区管委会")).containsExactly("各开发区、工(农)业园区管委会");
  }

  @Test
  void trailingEtceteraMeansUnnamedOthers() throws Exception {
    UnitListParser.Parsed parsed = UnitListParser.parse("市知识产权局、市科技局等部门");
    assertThat(parsed.units()).extracting(UnitName::name).containsExactly("市知识产权局", "市科技局");
    assertThat(parsed.othersUnnamed()).isTrue();
  }

  @Test
  void whatDoesNotReadAsAUnitIsRefused() {
    assertThatThrownBy(() -> UnitListParser.parse("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> UnitListParser.parse("加强执法和监督工作"))
        .hasMessageContaining("does not end like");
  }
}
