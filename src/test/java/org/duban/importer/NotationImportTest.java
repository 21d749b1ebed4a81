package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.importer.Fixtures.IMPORTER;
import static org.duban.importer.Fixtures.assertTasks;
import static org.duban.importer.Fixtures.importResource;

import org.duban.catalog.ResponsibilityPolicy;
import org.junit.jupiter.api.Test;

/** Small texts written for each notation the importer reads, including the traps. */
class NotationImportTest {

  @Test
  void inlineUnitListsAlsoWhenBrokenAcrossLinesAndSurroundedByPageJunk() {
    ImportResult r = importResource("inline-units.txt");
    assertThat(r.errors()).isEmpty();
    assertTasks(
        r,
        """
        1 | 严格行政执法 | 区市场监管局 | 区公安分局; 区商务局
        2 | 强化司法保护 | 区法院 |
        3 | 推进专利转化 | 区科技局 | 区财政局
        """);
    // "(试点)" is not a unit list; junk after the last task is not its text
    assertThat(r.task("2").text()).isEqualTo("完善机制,推动“三合一”审判(试点)。");
    assertThat(r.task("3").text()).isEqualTo("推动转化。");
  }

  @Test
  void unitLineAfterTheTaskWithPrefixCarryAndCommaGroups() {
    ImportResult r = importResource("line-after-task.txt");
    assertThat(r.errors()).isEmpty();
    assertTasks(
        r,
        """
        一.1 | 树导向 | 市知识产权局 | 市科技局; 市工信局
        一.2 | 强化金融力量支撑 | 市知识产权局 | 市金融监管局; 中国人民银行某市分行; 国家金融监督管理总局某市监管分局
        一.3 | 用好新型政策工具 | 市知识产权局 | 市知识产权工作领导小组各成员单位
        一.4 | 打造服务供给综合体 | 市知识产权局 | 市科技局; 晋江市人民政府; 丰泽区人民政府
        一.5 | 建设信用体系 | 省信用办 | 省知识产权局
        一.6 | 强化教育 | 市知识产权局 | 市教育局; 市人社局
        """);
    assertThat(r.task("一.3").collectives()).containsExactly("市知识产权工作领导小组各成员单位");
    assertThat(r.task("一.6").text()).isEqualTo("培训干部。");
  }

  @Test
  void jointListsInTraditionalTextKeepBracketsAndCollectives() {
    ImportResult r = importResource("joint-traditional.txt");
    assertThat(r.errors()).isEmpty();
    assertThat(r.policy()).isEqualTo(ResponsibilityPolicy.JOINT);
    assertTasks(
        r,
        """
        一.1 | 加强知识产权行政保护 | - | 市委宣传部(新闻出版局); 市公安局; 市市场监管局(知识产权局); 市中级人民法院; 市人民检察院
        一.2 | 推动知识产权创新发展 | - | 市科技局; 市市场监管局(知识产权局); 各县(市、区)人民政府
        一.3 | 深化金融服务改革 | - | 市财政局; 各开发区、工(农)业园区管委会
        保障(一) | 落实资源保障 | - | 有关部门; 各县(市、区)人民政府
        """);
    ImportedTask first = r.task("一.1");
    assertThat(first.joint()).isTrue();
    assertThat(first.text()).isEqualTo("优化执法机制,推进“互联网+知识产权”监管。");
    assertThat(first.originalTitle()).isEqualTo("加強智慧財產權行政保護");
    assertThat(first.originalText()).contains("最佳化執法機制");
    assertThat(r.task("保障(一)").collectives()).containsExactly("有关部门", "各县(市、区)人民政府");
  }

  @Test
  void noUnitsAndMixedNumberingStyles() {
    ImportResult r = importResource("no-units-mixed-numbering.txt");
    assertThat(r.errors()).isEmpty();
    assertThat(r.policy()).isEqualTo(ResponsibilityPolicy.ASSIGNED_PER_ROUND);
    // (1) next to (二), 二是 next to 四.; the safeguard (五) continues the series, so it is a task
    assertTasks(
        r,
        """
        (一) | 完善法律政策 | - |
        (二) | 实行惩罚性赔偿制度 | - |
        (三) | 加强行政执法 | - |
        (四) | 加强金融服务 | - |
        (五) | 加强组织领导 | - |
        """);
    assertThat(r.task("(五)").text()).isEqualTo("落实属地责任。");
  }

  @Test
  void leadNotationsNeverInventUnits() {
    ImportResult r = importResource("lead-notations.txt");
    assertThat(r.errors()).isEmpty();
    assertTasks(
        r,
        """
        1 | 建设保护中心 | 市知识产权局 |
        2 | 培育高价值专利 | 市科技局 | 市工信局
        3 | 开展宣传活动 | 市委宣传部 |
        4 | 打击侵权假冒 | 市市场监管局 | 市公安局; 市商务局
        5 | 服务中小企业 | 市工信局 | 市财政局; 市金融局
        """);
    assertThat(r.task("3").othersUnnamed()).isTrue();
    assertThat(r.task("1").othersUnnamed()).isFalse();
  }

  @Test
  void numberingWithPartsAndRightParentheses() {
    ImportResult r = importResource("numbering-styles.txt");
    assertThat(r.errors()).isEmpty();
    assertTasks(
        r,
        """
        一 | 完善制度 | 县知识产权局 |
        二 | 加强保护 | 县市场监管局 | 县公安局
        三.1 | 推进转化 | 县科技局 |
        三.2 | 强化金融 | 县财政局 |
        """);
  }

  @Test
  void taskTableWithUnitColumnAndABrokenCell() {
    ImportResult r = importResource("table.txt");
    assertThat(r.errors()).isEmpty();
    assertTasks(
        r,
        """
        1 | 完善政策体系 | 市知识产权局 | 市司法局
        2 | 加强执法保护 | 市市场监管局 | 市公安局
        3 | 发展服务业 | 市发改委 | 市商务局
        """);
    assertThat(r.task("3").text()).isEqualTo("建设集聚区,引进机构");
  }

  @Test
  void tabSeparatedTableWithResponsibleDepartmentColumn() {
    ImportResult r = importResource("table-tabs.txt");
    assertThat(r.errors()).isEmpty();
    assertTasks(
        r,
        """
        1 | 推进知识产权强企 | 市工信局 | 市科技局
        2 | 加强人才培养 | 市人社局 |
        """);
  }

  @Test
  void aTextThatAppearsTwiceYieldsEachTaskOnce() {
    ImportResult r = importResource("repeated.txt");
    assertThat(r.errors()).isEmpty();
    assertTasks(
        r,
        """
        二.1 | 突出企业主体地位 | - |
        二.2 | 引导资源集聚 | - |
        三.1 | 加强宣传 | - |
        """);
    assertThat(r.task("三.1").text()).isEqualTo("建立宣传体系。");
    assertThat(r.problems())
        .anyMatch(p -> p.line() == 15 && p.severity() == ImportProblem.Severity.WARNING);
  }

  @Test
  void emptyTextIsAnErrorOnLineOne() {
    for (String empty : new String[] {"", "  \n\n　\n"}) {
      ImportResult r = IMPORTER.importText("empty.txt", empty);
      assertThat(r.tasks()).isEmpty();
      assertThat(r.errors())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.line()).isEqualTo(1);
                assertThat(p.format("empty.txt"))
                    .isEqualTo("empty.txt:1: error: the text is empty: no plan to import");
              });
    }
  }

  @Test
  void unrelatedTextHasNoRecognisableTasks() {
    ImportResult r = importResource("unrelated.txt");
    assertThat(r.tasks()).isEmpty();
    assertThat(r.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(1);
              assertThat(p.message()).contains("no recognisable main tasks");
            });
  }

  @Test
  void unreadableOrMissingUnitsKeepTheTaskWithoutUnitsAndSayWhatAndWhere() {
    ImportResult r = importResource("bad-units.txt");
    assertThat(r.errors()).isEmpty();
    assertTasks(
        r,
        """
        1 | 加强保护 | 区市场监管局 | 区公安分局
        2 | 强化运用 | - |
        3 | 优化服务 | - |
        """);
    assertThat(r.problems())
        .filteredOn(p -> p.line() == 5 || p.line() == 6)
        .extracting(p -> p.format("bad.txt"))
        .satisfiesExactly(
            p ->
                assertThat(p)
                    .startsWith(
                        "bad.txt:5: warning: task 2: cannot read its units: the unit list is empty")
                    .contains("kept without units for the office to decide"),
            p ->
                assertThat(p)
                    .startsWith("bad.txt:6: warning: task 3 优化服务 names no responsible unit")
                    .contains("ASSIGNED_PER_ROUND"));
  }

  @Test
  void aUnitNameThatIsNoBodyIsNamedWithItsLine() {
    ImportResult r =
        IMPORTER.importText(
            "odd.txt",
            """
            某区知识产权行动方案
            1. 加强保护
            加强执法。(责任单位:区市场监管局、全力推进)
            2. 强化运用
            推动转化。(责任单位:区科技局)
            """);
    assertThat(r.errors()).isEmpty();
    assertThat(r.task("1").units()).isEmpty();
    assertThat(r.task("2").units()).containsExactly("区科技局");
    assertThat(r.problems())
        .extracting(p -> p.format("odd.txt"))
        .anyMatch(
            p ->
                p.startsWith("odd.txt:3: warning: task 1: cannot read its units:")
                    && p.contains("'区全力推进' does not end like the name of a government body"));
  }

  @Test
  void anUnclosedUnitListKeepsTheTaskAndNamesItsLine() {
    ImportResult r = importResource("unclosed-units.txt");
    assertThat(r.errors()).isEmpty();
    assertThat(r.task("1").units()).isEmpty();
    assertThat(r.task("2").units()).containsExactly("区科技局");
    assertThat(r.problems())
        .filteredOn(p -> p.line() == 3)
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("task 1").contains("never closed"));
  }

  @Test
  void aNumberUsedTwiceWithDifferentTextKeepsBothTasks() {
    ImportResult r =
        IMPORTER.importText(
            "twice.txt",
            """
            某区知识产权行动方案
            一、主要任务
            1. 加强保护
            加强执法。(责任单位:区市场监管局)
            一、主要任务
            1. 强化运用
            推动转化。(责任单位:区科技局)
            """);
    assertThat(r.errors()).isEmpty();
    assertTasks(
        r,
        """
        一.1 | 加强保护 | 区市场监管局 |
        待填写(一.1 第2处) | 强化运用 | 区科技局 |
        """);
    assertThat(r.problems())
        .anyMatch(p -> p.line() == 6 && p.message().contains("is used twice (lines 3 and 6)"));
  }

  @Test
  void itemNumbersOfOneHundredAndAboveAreTasksOfTheirOwn() {
    StringBuilder text = new StringBuilder("某市知识产权工作要点\n一、重点任务\n(一)加强保护\n");
    for (int n = 1; n <= 120; n++) {
      text.append(n).append(".开展第").append(n).append("项工作。落实任务。(责任单位:市知识产权局)\n");
    }
    text.append("二、其他任务\n");
    for (int n = 1; n <= 105; n++) {
      text.append("(").append(ChineseNumerals.format(n)).append(")推进第").append(n).append("项。\n");
    }
    ImportResult r = IMPORTER.importText("long.txt", text.toString());
    assertThat(r.errors()).isEmpty();
    assertThat(r.tasks()).hasSize(120 + 105);
    assertThat(r.task("一.100").title()).isEqualTo("开展第100项工作");
    assertThat(r.task("一.120").text()).isEqualTo("落实任务。");
    // nothing after 99 folds into item 99 any more
    assertThat(r.task("一.99").text()).isEqualTo("落实任务。");
    assertThat(r.task("(一百零五)").title()).isEqualTo("推进第105项");
    assertThat(r.task("(九十九)").title()).isEqualTo("推进第99项");
  }

  @Test
  void aNumberThatDoesNotFollowIsWarnedAbout() {
    ImportResult r =
        IMPORTER.importText(
            "gap.txt",
            """
            某市知识产权工作要点
            1.加强保护。开展执法。(责任单位:市市场监管局)
            2.强化运用。推动转化。(责任单位:市科技局)
            4.优化服务。完善平台。(责任单位:市知识产权局)
            """);
    assertThat(r.tasks()).extracting(ImportedTask::number).containsExactly("1", "2");
    assertThat(r.problems())
        .anyMatch(
            p ->
                p.line() == 4
                    && p.message().contains("starts like item 4, which does not follow item 2"));
  }
}
