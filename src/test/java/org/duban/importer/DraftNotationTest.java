package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.importer.Fixtures.IMPORTER;
import static org.duban.importer.Fixtures.assertTasks;
import static org.duban.importer.Fixtures.importResource;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.duban.catalog.CatalogReader;
import org.duban.catalog.Deadline;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.ResponsibilityPolicy;
import org.junit.jupiter.api.Test;

/**
 * The notations of task-division documents from other provinces and cities (issue #10, drafts from
 * unseen documents), one small fixture each, with expectations written by hand.
 */
class DraftNotationTest {

  /** Every task's deadline, in the fixture's order: "-" for none. */
  private static void assertDeadlines(ImportResult r, String... expected) {
    assertThat(r.tasks())
        .extracting(t -> t.deadline() == null ? "-" : t.deadline())
        .containsExactly(expected);
  }

  @Test
  void aOneYearWorkPlanRunsForItsYearAndNamesTheCityAfterTheYear() {
    ImportResult r = importResource("one-year-work-points.txt");
    assertThat(r.errors()).isEmpty();
    DraftPlanFacts f = r.facts();
    assertThat(f.title()).isEqualTo("2022年上海市知识产权工作要点");
    assertThat(f.city()).isEqualTo("上海");
    assertThat(f.level()).isEqualTo("市");
    assertThat(f.periodFrom()).isEqualTo(2022);
    assertThat(f.periodTo()).isEqualTo(2022);
    assertThat(f.coordinatingOffice()).isEqualTo("市知识产权联席会议办公室");
    assertTasks(
        r,
        """
        1 | 推动高价值专利培育 | 市知识产权局 | 市科委; 市经济信息化委
        2 | 加强商标品牌建设 | 市市场监管局 | 市商务委
        3 | 完善行政执法机制 | 市知识产权局 | 市文化旅游局; 市公安局
        """);
  }

  @Test
  void aTwoYearPlanWithTheRangeBeforeThePlace() {
    ImportResult r = importResource("two-year-plan.txt");
    assertThat(r.errors()).isEmpty();
    assertThat(r.facts().city()).isEqualTo("宁波");
    assertThat(r.facts().periodFrom()).isEqualTo(2022);
    assertThat(r.facts().periodTo()).isEqualTo(2023);
    assertTasks(
        r,
        """
        (一) | 健全知识产权保护制度 | 市市场监管局 | 市司法局
        (二) | 加强知识产权快速协同保护 | 市市场监管局 | 市财政局
        """);
  }

  @Test
  void periodsInOneYearAndTwoYearTitles() {
    String[][] cases = {
      {"2023年杭州市知识产权工作要点", "杭州", "2023", "2023"},
      {"杭州市2024年度知识产权工作计划", "杭州", "2024", "2024"},
      {"杭州市知识产权强市建设推进计划(2022—2023)", "杭州", "2022", "2023"},
      {"2022-2023年杭州市知识产权强市推进计划", "杭州", "2022", "2023"},
    };
    for (String[] c : cases) {
      ImportResult r = IMPORTER.importText("t.txt", c[0] + "\n一、重点任务\n1.加强保护。开展执法。(责任单位:市市场监管局)\n");
      assertThat(r.facts().city()).as(c[0]).isEqualTo(c[1]);
      assertThat(r.facts().periodFrom()).as(c[0]).isEqualTo(Integer.valueOf(c[2]));
      assertThat(r.facts().periodTo()).as(c[0]).isEqualTo(Integer.valueOf(c[3]));
    }
  }

  @Test
  void leadAndCoUnitsOnOneLineOnTwoLinesInBracketsAndWithADeadline() {
    ImportResult r = importResource("lead-co-deadline.txt");
    assertThat(r.errors()).isEmpty();
    assertThat(r.policy()).isEqualTo(ResponsibilityPolicy.LEAD_FIRST);
    assertThat(r.facts().periodFrom()).isEqualTo(2023);
    assertThat(r.facts().periodTo()).isEqualTo(2023);
    assertTasks(
        r,
        """
        1 | 实施高价值专利培育计划 | 市市场监管局 | 市科技局; 市经信局
        2 | 推动商标品牌建设 | 市市场监管局 | 市农业农村局; 市商务局
        3 | 实施地理标志保护工程 | 市市场监管局 | 市农业农村局; 市文广旅体局
        4 | 开展“铁拳”“剑网”等专项行动 | 市公安局 | 市市场监管局; 市委宣传部
        5 | 加强知识产权司法保护 | 市中级人民法院 | 市人民检察院
        """);
    assertDeadlines(r, "2023年12月底前", "长期坚持", "2023年6月30日前", "持续推进", "2023年底前");
    // the deadline is neither a unit nor the task's text
    assertThat(r.task("1").text()).isEqualTo("实施高价值专利培育计划,支持企业围绕重点产业开展专利布局。");
    assertThat(r.task("5").text()).isEqualTo("加强知识产权司法保护,推行技术调查官制度。");
    assertThat(r.problems()).noneMatch(p -> p.message().contains("units"));
  }

  @Test
  void theDraftCarriesTheDeadlineAsTextAndItsDate() {
    ImportResult r = importResource("lead-co-deadline.txt");
    String yaml = new CatalogYamlWriter().write(r);
    assertThat(yaml)
        .contains("    deadline: 2023年12月底前   # 2023-12-31: one round, due then\n")
        .contains("    deadline: 长期坚持\n")
        .contains("    deadline: 2023年6月30日前   # 2023-06-30: one round, due then\n");
    PlanCatalog catalog = new CatalogReader().read("draft.yaml", yaml);
    assertThat(catalog.task("1").orElseThrow().deadlineDate()).contains(LocalDate.of(2023, 12, 31));
    assertThat(catalog.task("2").orElseThrow().deadline()).isEqualTo("长期坚持");
    assertThat(catalog.task("2").orElseThrow().deadlineDate()).isEmpty();
  }

  @Test
  void deadlineDates() {
    assertThat(Deadline.dateOf("2025年11月底前")).contains(LocalDate.of(2025, 11, 30));
    assertThat(Deadline.dateOf("2024年底")).contains(LocalDate.of(2024, 12, 31));
    assertThat(Deadline.dateOf("2024年年底前完成")).contains(LocalDate.of(2024, 12, 31));
    assertThat(Deadline.dateOf("2023年6月30日前")).contains(LocalDate.of(2023, 6, 30));
    assertThat(Deadline.dateOf("2024年2月")).contains(LocalDate.of(2024, 2, 29));
    assertThat(Deadline.dateOf("2023年上半年")).contains(LocalDate.of(2023, 6, 30));
    assertThat(Deadline.dateOf("长期坚持")).isEqualTo(Optional.empty());
    assertThat(Deadline.dateOf("持续推进")).isEmpty();
    assertThat(Deadline.dateOf("2023年起每年")).isEmpty();
    assertThat(Deadline.dateOf("2025年13月")).isEmpty();
  }

  @Test
  void textFromADocumentSharingSiteRunTogetherWithPageFurniture() {
    ImportResult r = importResource("doc-sharing-run-together.txt");
    assertThat(r.errors()).isEmpty();
    assertThat(r.facts().title()).isEqualTo("2023年温州市知识产权工作要点");
    assertThat(r.facts().city()).isEqualTo("温州");
    assertThat(r.facts().periodFrom()).isEqualTo(2023);
    assertThat(r.facts().periodTo()).isEqualTo(2023);
    assertTasks(
        r,
        """
        1 | 实施高价值专利培育工程 | 市市场监管局 | 市科技局
        2 | 推进商标品牌建设 | 市市场监管局 | 市农业农村局
        3 | 实施地理标志保护工程 | 市市场监管局 |
        4 | 开展专项执法行动 | 市市场监管局 | 市公安局
        5 | 加强司法保护 | 市中级人民法院 |
        """);
    // page marks, file sizes and document ids are no task's text
    assertThat(r.task("3").text()).isEqualTo("完善地理标志产品标准体系。");
    assertThat(r.task("5").text()).isEqualTo("完善知识产权纠纷诉调对接机制。");
    assertThat(r.tasks()).extracting(ImportedTask::line).containsOnly(3);
  }

  @Test
  void aHardWrappedPdfTextIsJoinedIntoItsTitlesAndUnitNames() {
    ImportResult r = importResource("hard-wrapped.txt");
    assertThat(r.errors()).isEmpty();
    assertThat(r.facts().title()).isEqualTo("湖州市知识产权强市建设三年行动计划(2023—2025年)");
    assertThat(r.facts().periodFrom()).isEqualTo(2023);
    assertThat(r.facts().periodTo()).isEqualTo(2025);
    assertThat(r.facts().coordinatingOffice()).isEqualTo("市知识产权工作领导小组办公室");
    assertTasks(
        r,
        """
        1 | 深化与国家级大院大所、高等院校合作 | 市科技局 | 市经信局; 市教育局
        2 | 培育知识产权优势示范企业 | 市市场监管局 | 市发展和改革委员会
        3 | 健全知识产权快速维权机制 | 市市场监管局 | 市中级人民法院; 市司法局
        """);
    assertThat(r.task("1").text()).isEqualTo("深化与国家级大院大所、高等院校合作,共建一批知识产权运营平台和创新联合体。");
    assertThat(r.task("1").line()).isEqualTo(10);
    assertThat(r.task("3").line()).isEqualTo(19);
  }

  @Test
  void aHeadingThatStopsOnAnEnumerationCommaGoesOnInTheNextLine() {
    ImportResult r =
        IMPORTER.importText(
            "broken.txt",
            """
            某市知识产权工作方案(2024-2026年)
            一、重点任务
            1.深化与国家级大院大所、
            高等院校合作
            推动共建创新平台。(责任单位:市科技局、市教育局)
            """);
    assertThat(r.task("一.1").title()).isEqualTo("深化与国家级大院大所、高等院校合作");
    assertThat(r.task("一.1").units()).containsExactly("市科技局", "市教育局");
  }

  @Test
  void aTableFlattenedFromAPdfWithWrappedAndMergedCells() {
    ImportResult r = importResource("pdf-table.txt");
    assertThat(r.errors()).isEmpty();
    assertThat(r.facts().periodFrom()).isEqualTo(2023);
    assertThat(r.facts().city()).isEqualTo("嘉兴");
    assertTasks(
        r,
        """
        1 | 实施高价值专利培育工程 | 市市场监管局 | 市科技局; 市经信局
        2 | 推进商标品牌建设 | 市市场监管局 | 市农业农村局
        3 | 开展地理标志运用促进工程 | 市农业农村局 | 市市场监管局
        4 | 开展“铁拳”专项执法行动 | 市公安局 | 市市场监管局; 市委宣传部
        5 | 完善知识产权信用监管 | 省信用办 | 省知识产权局; 市市场监管局
        6 | 加强知识产权纠纷调解工作 | - |
        """);
    assertDeadlines(r, "2023年12月底前", "长期坚持", "2023年6月30日前", "持续推进", "2023年底前", "-");
    assertThat(r.task("1").text()).isEqualTo("实施高价值专利培育工程,支持企业围绕重点产业开展专利布局。");
    assertThat(r.task("3").line()).isEqualTo(11);
    assertThat(r.problems())
        .anyMatch(
            p ->
                p.line() == 17
                    && p.severity() == ImportProblem.Severity.WARNING
                    && p.message().startsWith("task 6: the table names no unit for it"));
  }

  @Test
  void aDeadlineAtTheEndOfTheUnitsBrackets() {
    ImportResult r =
        IMPORTER.importText(
            "brackets.txt",
            """
            某市2024年知识产权工作要点
            一、重点任务
            1.开展专项执法行动。严厉打击侵权假冒。(市公安局牵头,市市场监管局、市商务局配合,2024年10月底前完成)
            2.推进专利转化运用。开展专利开放许可。(市科技局负责,长期坚持)
            """);
    assertTasks(
        r,
        """
        一.1 | 开展专项执法行动 | 市公安局 | 市市场监管局; 市商务局
        一.2 | 推进专利转化运用 | 市科技局 |
        """);
    assertDeadlines(r, "2024年10月底前完成", "长期坚持");
    assertThat(r.task("一.1").text()).isEqualTo("严厉打击侵权假冒。");
  }

  @Test
  void aTextThatStopsMidItemKeepsTheItemWithoutUnits() {
    ImportResult r =
        IMPORTER.importText(
            "cut.txt",
            """
            某市2024年知识产权工作要点
            一、重点任务
            1.开展专项执法行动。严厉打击侵权假冒。(责任单位:市公安局、市市场监管局)
            2.加强知识产权司法保护。完善诉调对接机制。(责任单位:市中级
            """);
    assertThat(r.errors()).isEmpty();
    assertTasks(
        r,
        """
        一.1 | 开展专项执法行动 | 市公安局 | 市市场监管局
        一.2 | 加强知识产权司法保护 | - |
        """);
    assertThat(r.problems())
        .anyMatch(
            p ->
                p.line() == 4
                    && p.message().contains("task 一.2: cannot read its units")
                    && p.message().contains("never closed"));
    assertThat(new CatalogYamlWriter().write(r)).contains("# review: the document names no units");
  }

  @Test
  void aDocumentOfFiveThousandItemsIsReadWhole() {
    StringBuilder text = new StringBuilder("某市知识产权工作任务清单\n一、重点任务\n(一)全部任务\n");
    for (int n = 1; n <= 5000; n++) {
      text.append(n).append(".开展第").append(n).append("项工作。落实任务。(责任单位:市知识产权局、市科技局)\n");
    }
    ImportResult r = IMPORTER.importText("big.txt", text.toString());
    assertThat(r.errors()).isEmpty();
    assertThat(r.tasks()).hasSize(5000);
    assertThat(r.task("一.5000").title()).isEqualTo("开展第5000项工作");
    assertThat(r.task("一.4321").units()).containsExactly("市知识产权局", "市科技局");
  }

  @Test
  void rolesWrittenInsideTheUnitListAndAnUnseparatedCoUnitLabel() {
    ImportResult r = importResource("unit-roles.txt");
    assertThat(r.errors()).isEmpty();
    assertThat(r.facts().city()).isEqualTo("绍兴");
    assertTasks(
        r,
        """
        一.1 | 强化知识产权创造 | 市知识产权局 | 市科技局; 市工信局
        一.2 | 加强知识产权保护 | 市公安局 | 市市场监管局; 市商务局
        一.3 | 推进知识产权运用 | 市金融办 | 市知识产权局
        一.4 | 优化公共服务 | 市知识产权局 | 市大数据局
        """);
    assertDeadlines(r, "-", "-", "-", "2024年9月底");
    assertThat(r.problems()).noneMatch(p -> p.message().contains("units"));
  }

  @Test
  void aRowUnderAMergedNumberCellSharesTheNumberAboveAsItsNextPart() {
    ImportResult r = importResource("pdf-table-merged-number.txt");
    assertThat(r.errors()).isEmpty();
    assertTasks(
        r,
        """
        1 | 建立知识产权质押融资风险补偿机制 | 市金融办 | 人民银行市中心支行
        1-2 | 开展专利导航服务 | 市知识产权局 |
        2 | 推进知识产权保护中心建设 | 市市场监管局 |
        """);
    assertDeadlines(r, "2024年底", "2024年6月", "-");
    assertThat(r.problems())
        .anyMatch(
            p ->
                p.line() == 6
                    && p.message().contains("numbered 1-2, after the row numbered 1; check it"));
  }

  @Test
  void runTogetherTextWithUnitAndDeadlineLabelsInline() {
    ImportResult r = importResource("doc-sharing-labels.txt");
    assertThat(r.errors()).isEmpty();
    assertThat(r.facts().city()).isEqualTo("丽水");
    assertThat(r.facts().periodTo()).isEqualTo(2024);
    assertTasks(
        r,
        """
        1 | 实施高价值专利培育工程 | 市市场监管局 | 市科技局
        2 | 推进商标品牌建设 | 市市场监管局 | 市农业农村局
        3 | 开展专项执法行动 | 市市场监管局 | 市公安局
        4 | 加强司法保护 | 市中级人民法院 |
        """);
    assertDeadlines(r, "2024年12月底前", "长期坚持", "-", "2024年底前");
    assertThat(r.task("4").text()).isEqualTo("完善诉调对接机制。");
  }

  @Test
  void aPdfTableWhoseHeaderCellsAreWrappedToo() {
    ImportResult r = importResource("pdf-table-wrapped-header.txt");
    assertThat(r.errors()).isEmpty();
    assertTasks(
        r,
        """
        1 | 完善知识产权地方性法规 | 市司法局 | 市市场监管局
        2 | 建设知识产权纠纷人民调解委员会 | 市市场监管局 | 市司法局; 市中级人民法院
        """);
    assertDeadlines(r, "2024年底前", "长期坚持");
  }

  @Test
  void aUnitNameBrokenRightAfterABodyWordGoesOnInTheNextLine() {
    ImportResult r =
        IMPORTER.importText(
            "names.txt",
            """
            金华市知识产权强市建设工作方案(2024-2026年)
            一、重点任务
            1.健全协同保护机制。建立跨部门协作机制。
            责任单位:市人民政府办
            公室、市发展和改革委
            员会、市市场监督管理
            局
            """);
    assertThat(r.errors()).isEmpty();
    assertThat(r.task("一.1").units()).containsExactly("市人民政府办公室", "市发展和改革委员会", "市市场监督管理局");
  }

  @Test
  void aUnitLabelAtTheEndOfTheTasksParagraph() {
    ImportResult r =
        IMPORTER.importText(
            "inline.txt",
            """
            金华市2024年知识产权工作要点
            一、重点任务
            1.实施专利导航工程。围绕重点产业开展专利导航。责任单位:市市场监管局、市经信局 完成时限:2024年底前
            2.加強智慧財產權保護。開展專項執法行動。責任單位:市公安局、市市場監管局
            """);
    assertThat(r.errors()).isEmpty();
    assertTasks(
        r,
        """
        一.1 | 实施专利导航工程 | 市市场监管局 | 市经信局
        一.2 | 加强知识产权保护 | 市公安局 | 市市场监管局
        """);
    assertDeadlines(r, "2024年底前", "-");
    assertThat(r.task("一.1").text()).isEqualTo("围绕重点产业开展专利导航。");
  }

  @Test
  void aLeadAndItsResponsibleUnitsOnOneLine() {
    ImportResult r =
        IMPORTER.importText(
            "lead-resp.txt",
            """
            金华市2024年知识产权工作要点
            一、重点任务
            1.实施专利导航工程。围绕重点产业开展专利导航。
            牵头单位:市市场监管局;责任单位:市经信局、市科技局
            2.推进知识产权质押融资。扩大质押融资规模。
            牵头单位:市金融办
            责任单位:市市场监管局、人民银行金华市中心支行
            """);
    assertThat(r.errors()).isEmpty();
    assertTasks(
        r,
        """
        一.1 | 实施专利导航工程 | 市市场监管局 | 市经信局; 市科技局
        一.2 | 推进知识产权质押融资 | 市金融办 | 市市场监管局; 人民银行金华市中心支行
        """);
  }

  @Test
  void aWorkPlanInItsNoticeWithMixedNotationsAndATaskTheDocumentNamesNoUnitsFor() {
    ImportResult r = importResource("notice-work-points.txt");
    assertThat(r.errors()).isEmpty();
    DraftPlanFacts f = r.facts();
    assertThat(f.title()).isEqualTo("2023年嘉兴市知识产权工作要点");
    assertThat(f.city()).isEqualTo("嘉兴");
    assertThat(f.issuer()).isEqualTo("嘉兴市人民政府办公室");
    assertThat(f.issued()).isEqualTo(LocalDate.of(2023, 3, 20));
    assertThat(f.periodFrom()).isEqualTo(2023);
    assertThat(f.periodTo()).isEqualTo(2023);
    assertThat(f.coordinatingOffice()).isEqualTo("市知识产权工作领导小组办公室");
    assertTasks(
        r,
        """
        1 | 实施高价值专利培育工程 | 市市场监管局 | 市科技局; 市经信局
        2 | 加强商标品牌建设 | 市市场监管局 | 市农业农村局; 市商务局
        3 | 开展专项执法行动 | 市市场监管局 | 市公安局; 市中级人民法院
        4 | 加强海外知识产权维权援助 | - |
        5 | 推进知识产权质押融资 | 市金融办 | 市市场监管局; 人民银行嘉兴市中心支行
        """);
    assertDeadlines(r, "2023年12月底前", "-", "持续推进", "-", "2023年底前");
    assertThat(r.problems())
        .filteredOn(p -> p.message().contains("names no responsible unit"))
        .singleElement()
        .satisfies(p -> assertThat(p.line()).isEqualTo(28));
    // the narrative safeguards are no tasks; the signing office is no task's text
    assertThat(r.task("5").text()).isEqualTo("扩大质押融资规模,全年质押融资额达到80亿元。");
  }

  @Test
  void halfYearAndFullYearReportsAndDatedDeadlinesReachTheDraftsCalendarAndRounds() {
    ImportResult r = importResource("half-year-reports.txt");
    assertThat(r.errors()).isEmpty();
    assertTasks(
        r,
        """
        1 | 实施高价值专利培育工程 | 市市场监管局 | 市科技局; 市经信局
        2 | 推进商标品牌战略 | 市市场监管局 | 市农业农村局
        3 | 开展知识产权执法专项行动 | 市公安局 | 市市场监管局
        """);
    assertDeadlines(r, "2024年11月底前", "长期坚持", "持续推进");
    assertThat(r.problems())
        .extracting(ImportProblem::message)
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith(
                        "calendar.reporting: HALF_YEARLY, periodDue.H1: 06-30, reportDue: 12-20")
                    .contains("每年6月30日前、12月20日前分别报送半年和全年工作进展"));

    PlanCatalog draft = CatalogMerge.fromDocument(r).catalog();
    assertThat(draft.calendar().reporting()).isEqualTo(org.duban.catalog.Reporting.HALF_YEARLY);
    assertThat(draft.calendar().dueOf(org.duban.catalog.ReportPeriod.H1))
        .isEqualTo(java.time.MonthDay.of(6, 30));
    assertThat(draft.calendar().reportDue()).isEqualTo(java.time.MonthDay.of(12, 20));

    // written and read as a deployable catalog: the dated task is one round due 2024-11-30, the
    // others report each half-year
    PlanCatalog catalog =
        new CatalogReader().read("draft.yaml", new CatalogYamlWriter().write(draft));
    var dated = org.duban.schedule.RoundRules.of(catalog.calendar(), catalog.tasks().get(0));
    assertThat(dated.oneOff()).isTrue();
    assertThat(dated.deadline()).isEqualTo(LocalDate.of(2024, 11, 30));
    var lasting = org.duban.schedule.RoundRules.of(catalog.calendar(), catalog.tasks().get(1));
    assertThat(lasting.oneOff()).isFalse();
    assertThat(lasting.periods())
        .containsExactly(org.duban.catalog.ReportPeriod.H1, org.duban.catalog.ReportPeriod.YEAR);
    assertThat(lasting.due(org.duban.catalog.ReportPeriod.H1, 2024))
        .isEqualTo(LocalDate.of(2024, 6, 30));
  }

  @Test
  void reportingRulesAsPlansWordThem() {
    String[][] cases = {
      {"各单位每季度末报送工作进展情况。", "QUARTERLY", "-", "-"},
      {"请于每年11月底前报送年度工作总结。", "YEARLY", "-", "11-30"},
      {"每半年报送一次工作进展。", "HALF_YEARLY", "-", "-"},
      {"每年7月10日前、12月10日前分别报送半年和全年工作情况。", "HALF_YEARLY", "07-10", "12-10"},
      // a circulated notice or a target is no reporting rule
      {"每季度通报一次工作进展。", null, null, null},
      {"到2025年,每年新增发明专利2000件。", null, null, null},
    };
    for (String[] c : cases) {
      var rule = ReportingRuleReader.read(List.of(new DocumentLine(3, c[0], c[0])));
      if (c[1] == null) {
        assertThat(rule).as(c[0]).isEmpty();
        continue;
      }
      assertThat(rule).as(c[0]).isPresent();
      assertThat(rule.get().reporting().name()).as(c[0]).isEqualTo(c[1]);
      assertThat(rule.get().periodDue() == null ? "-" : mmdd(rule.get().periodDue()))
          .as(c[0])
          .isEqualTo(c[2]);
      assertThat(rule.get().yearDue() == null ? "-" : mmdd(rule.get().yearDue()))
          .as(c[0])
          .isEqualTo(c[3]);
    }
  }

  private static String mmdd(java.time.MonthDay d) {
    return String.format("%02d-%02d", d.getMonthValue(), d.getDayOfMonth());
  }
}
