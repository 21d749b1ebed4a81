package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.importer.Fixtures.assertTasks;
import static org.duban.importer.Fixtures.importDocument;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.duban.catalog.ResponsibilityPolicy;
import org.duban.catalog.Target;
import org.junit.jupiter.api.Test;

/**
 * The five plan documents: every task's number, title, lead and co-units, written by hand from the
 * text.
 */
class PlanDocumentImportTest {

  @Test
  void luolongNamesTheFirstUnitOfEachListAsLead() {
    ImportResult r = importDocument("luolong-2023-ip-strong-district-action-plan.txt");
    assertThat(r.errors()).isEmpty();
    assertThat(r.policy()).isEqualTo(ResponsibilityPolicy.LEAD_FIRST);
    assertThat(r.tasks()).hasSize(23);
    assertTasks(
        r,
        """
        1 | 探索新业态新领域保护制度 | 区市场监管局 | 区商务局
        2 | 健全特色领域知识产权保护制度 | 区市场监管局 | 区文广旅局; 区农业农村局
        3 | 强化知识产权区域协作机制 | 区市场监管局 | 区科技局; 区金融局
        4 | 严格知识产权司法保护 | 区市场监管局 |
        5 | 加强知识产权行政执法 | 区市场监管局 | 区公安分局; 区农业农村局; 区文广旅局; 区卫健委
        6 | 构建知识产权大保护共治格局 | 区市场监管局 | 区司法局; 区文广旅局; 区商务局; 区农业农村局; 区公安分局
        7 | 健全知识产权快保护机制 | 区市场监管局 | 区工信局; 区商务局; 区司法局; 区公安分局
        8 | 合理利用新技术保护知识产权 | 区市场监管局 | 区科技局; 区政数局
        9 | 完善知识产权运营体系 | 区市场监管局 |
        10 | 加快专利技术转移转化 | 区市场监管局 | 区科技局; 区财政局
        11 | 构建知识产权投融资服务体系 | 区市场监管局 | 区财政局; 区金融局
        12 | 健全专利导航引导机制 | 区市场监管局 | 区工信局; 区科技局
        13 | 严厉查处非正常专利申请行为 | 区市场监管局 |
        14 | 加强关键领域自主知识产权的创造和储备 | 区市场监管局 | 区科技局; 区工信局
        15 | 加强高价值专利布局和培育 | 区市场监管局 | 区科技局; 区工信局; 区发改委; 区财政局
        16 | 加快知识产权产业发展 | 区市场监管局 | 区财政局; 区统计局; 区工信局
        17 | 健全高价值商标品牌培育机制 | 区市场监管局 | 区农业农村局
        18 | 推动文旅产业知识产权创造和发展 | 区市场监管局 | 区文广旅局; 区文物局
        19 | 推进知识产权服务业集聚区建设 | 区市场监管局 |
        20 | 打造知识产权服务品牌机构 | 区市场监管局 |
        21 | 加强知识产权人才体系建设 | 区市场监管局 | 区人社局; 区教育局
        22 | 深化知识产权人才能力培养 | 区市场监管局 | 区人社局; 区教育局
        23 | 营造知识产权浓厚文化环境 | 区市场监管局 | 区教育局; 区科技局
        """);
    // task 7 has two paragraphs and one unit list at the end
    assertThat(r.task("7").text())
        .contains("深化智慧法院建设")
        .contains("健全知识产权维权援助工作制度")
        .doesNotContain("责任单位");
    assertThat(r.facts().title()).isEqualTo("洛龙区知识产权强区行动方案");
    assertThat(r.facts().periodTo()).isEqualTo(2025);
  }

  @Test
  void quanzhouCarriesThePrefixWithinCommaGroups() {
    ImportResult r = importDocument("quanzhou-2024-ip-demonstration-city-work-plan.txt");
    assertThat(r.errors()).isEmpty();
    assertThat(r.policy()).isEqualTo(ResponsibilityPolicy.LEAD_FIRST);
    assertThat(r.tasks()).hasSize(18);
    assertTasks(
        r,
        """
        一.1 | 树导向 | 市知识产权局 | 市科技局; 市工信局; 市教育局
        一.2 | 育主体 | 市工信局 | 市科技局; 市知识产权局; 市海洋渔业局
        一.3 | 建体系 | 市知识产权局 | 市科技局; 市发改委; 市工信局; 市文旅局; 市农业农村局; 市林业局
        二.1 | 强化金融力量支撑 | 市知识产权局 | 市金融监管局; 中国人民银行泉州市分行; 国家金融监督管理总局泉州监管分局
        二.2 | 用好新型政策工具 | 市知识产权局 | 市知识产权工作领导小组各成员单位
        二.3 | 升级运营服务体系 | 市知识产权局 | 市科技局; 市工信局
        二.4 | 培育特色地标项目 | 市知识产权局 | 市文旅局; 市农业农村局; 市工信局
        二.5 | 巩固提升商标优势 | 市知识产权局 | 市农业农村局; 市海洋渔业局
        三.1 | 强化行政保护 | 市知识产权局 | 市版权局; 泉州海关
        三.2 | 深化司法保护 | 市中级人民法院 | 市人民检察院; 市公安局; 市司法局
        三.3 | 提升保护能力 | 市知识产权局 | 市公安局; 市司法局; 市中级人民法院; 市人民检察院
        四.1 | 拓展公共服务大体系 | 市知识产权局 | 市科技局; 市教育局; 市工信局
        四.2 | 打造服务供给综合体 | 市知识产权局 | 市科技局; 市工信局; 晋江市人民政府; 丰泽区人民政府
        四.3 | 营造服务市场新秩序 | 市知识产权局 | 市科技局; 市工信局
        四.4 | 推动市场服务多极化 | 市知识产权局 | 市科技局; 市工信局
        五.1 | 大力培养人才 | 市知识产权局 | 市人社局; 市教育局
        五.2 | 深化合作交流 | 市知识产权局 |
        五.3 | 加强宣传培训 | 市委宣传部 | 市知识产权局; 市人社局; 市教育局
        """);
    assertThat(r.task("二.2").collectives()).containsExactly("市知识产权工作领导小组各成员单位");
    DraftPlanFacts f = r.facts();
    assertThat(f.issuer()).isEqualTo("泉州市人民政府");
    assertThat(f.issued()).isEqualTo(LocalDate.of(2024, 2, 28));
    assertThat(f.periodFrom()).isEqualTo(2024);
    assertThat(f.periodTo()).isEqualTo(2026);
    assertThat(f.coordinatingOffice()).isEqualTo("市知识产权工作领导小组办公室");
    assertThat(f.targets())
        .contains(
            new Target("每万人口高价值发明专利拥有量", 2026, new BigDecimal("6"), "件"),
            // the one task naming the indicator answers for it in the draft; the reviewed catalog
            // maps the other
            new Target("知识产权信息公共服务网点总数", 2026, new BigDecimal("18"), "个")
                .withTasks(List.of("四.1")));
  }

  private static final String MSA = "市市场监管局(知识产权局)";
  private static final String PROPAGANDA = "市委宣传部(新闻出版局)";
  private static final String COURTS = "市中级人民法院; 市人民检察院";
  private static final String CONFERENCE = "市市域知识产权保护联席会议成员单位";

  @Test
  void wuzhongListsJointUnitsFromTraditionalText() {
    ImportResult r = importDocument("wuzhong-2022-ip-protection-14th-five-year-plan.txt");
    assertThat(r.errors()).isEmpty();
    assertThat(r.policy()).isEqualTo(ResponsibilityPolicy.JOINT);
    assertThat(r.tasks()).hasSize(25);
    String p = PROPAGANDA;
    assertTasks(
        r,
        """
        一.1 | 完善知识产权保护政策 | - | %1$s; 市网信办; 市发改委; 市司法局; 市自然资源局; 市农业农村局; 市商务和投资促进局; 市文化旅游体育广电局; 市卫生健康委员会; %2$s; %3$s
        一.2 | 健全知识产权保护体系 | - | %1$s; 市公安局; 市司法局; 市自然资源局; 市农业农村局; 市文化旅游体育广电局; %2$s; %3$s
        一.3 | 加强知识产权司法保护 | - | 市公安局; %3$s
        一.4 | 加强知识产权行政保护 | - | %1$s; 市公安局; 市司法局; 市自然资源局; 市农业农村局; 市文化旅游体育广电局; %2$s; %3$s
        一.5 | 加强知识产权协同保护 | - | %1$s; 市司法局; 市自然资源局; 市农业农村局; 市文化旅游体育广电局; 市商务和投资促进局; %2$s; %3$s
        二.1 | 推动知识产权创新发展 | - | 市科技局; 市工信局; 市农业农村局; %2$s; 各县(市、区)人民政府
        二.2 | 落实高质量知识产权创造和运用的激励政策 | - | %1$s; 市发改委; 市教育局; 市科技局; 市工信局; 市财政局; 市人力资源社会保障局; 市自然资源局; 市农业农村局; %2$s
        二.3 | 培育高质量知识产权 | - | %1$s; 市发改委; 市教育局; 市科技局; 市工信局; 市自然资源局; 市农业农村局; 市文化旅游体育广电局; 市卫生健康委员会; %2$s
        二.4 | 培育知名品牌 | - | %1$s; 市发改委; 市工信局; 市自然资源局; 市农业农村局; 市商务和投资促进局; 市文化旅游体育广电局; %2$s
        三.1 | 优化知识产权转移转化机制 | - | %1$s; 市发改委; 市教育局; 市科技局; 市工信局; 市财政局; 市自然资源局; 市农业农村局; 市文化旅游体育广电局; 市国资委; %2$s
        三.2 | 积极实施地理标志促进运用工程 | - | 市农业农村局; 市商务和投资促进局; %2$s; 市乡村振兴局
        三.3 | 拓展知识产权转化运用渠道 | - | %1$s; 市发改委; 市教育局; 市科技局; 市工信局; 市自然资源局; 市农业农村局; %2$s
        三.4 | 深化知识产权金融服务改革 | - | 市发改委; 市科技局; 市工信局; 市财政局; %2$s; 市金融工作局; 人民银行吴忠市支行; 吴忠银保监分局; 各开发区、工(农)业园区管委会
        四.1 | 加强知识产权服务能力建设 | - | 市发改委; 市教育局; 市科技局; 市工信局; %2$s
        四.2 | 推动知识产权公共服务信息化建设 | - | %1$s; 市网信办; 市科技局; 市工信局; 市财政局; %2$s
        四.3 | 支持知识产权服务业发展 | - | 市发改委; 市司法局; 市商务和投资促进局; %2$s; 金积工业园区管委会
        五.1 | 开展知识产权交流合作 | - | 市发改委; 市工信局; 市自然资源局; 市农业农村局; 市商务和投资促进局; 市文化旅游体育广电局; %2$s
        五.2 | 支持知识产权海外获权维权 | - | 市商务和投资促进局; %2$s
        五.3 | 开展知识产权帮扶协作 | - | 市教育局; 市科技局; 市人力资源社会保障局; %2$s
        六.1 | 强化知识产权基础性普及教育 | - | %1$s; 市教育局; 市科技局; 市人力资源社会保障局; 市文化旅游体育广电局; %2$s; 市科协
        六.2 | 营造知识产权文化宣传氛围 | - | %4$s
        六.3 | 加强知识产权专业人才队伍建设 | - | %1$s; 市教育局; 市科技局; 市公安局; 市司法局; 市人力资源社会保障局; 市农业农村局; 市商务和投资促进局; 市文化旅游体育广电局; %2$s; %3$s
        保障(一) | 加强组织领导 | - | %4$s
        保障(二) | 落实资源保障 | - | 有关部门; 各县(市、区)人民政府
        保障(三) | 加强考核评估 | - | %4$s
        """
            .formatted(p, MSA, COURTS, CONFERENCE));
    assertThat(r.task("一.4").text()).contains("建立展会知识产权保护机制");
    assertThat(r.task("一.4").originalTitle()).isEqualTo("加強智慧財產權行政保護");
    assertThat(r.task("六.1").text()).contains("开展中小学知识产权教育试点示范工作");
    assertThat(r.task("保障(二)").collectives()).containsExactly("有关部门", "各县(市、区)人民政府");
    DraftPlanFacts f = r.facts();
    assertThat(f.title()).isEqualTo("吴忠市知识产权保护和运用“十四五”规划");
    assertThat(f.originalTitle()).isEqualTo("吳忠市智慧財產權保護和運用“十四五”規劃");
    assertThat(f.issued()).isEqualTo(LocalDate.of(2022, 12, 6));
    assertThat(f.periodFrom()).isEqualTo(2021);
    assertThat(f.periodTo()).isEqualTo(2025);
    assertThat(f.coordinatingOffice()).isEqualTo("市市域知识产权保护联席会议办公室");
    assertThat(f.targets()).contains(new Target("有效注册商标量", 2025, new BigDecimal("15000"), "件"));
  }

  @Test
  void jilinHasNoUnitsAndMixedNumbering() {
    ImportResult r = importDocument("jilin-2020-ip-protection-implementation-opinions.txt");
    assertThat(r.errors()).isEmpty();
    assertThat(r.policy()).isEqualTo(ResponsibilityPolicy.ASSIGNED_PER_ROUND);
    assertThat(r.tasks()).hasSize(18);
    assertTasks(
        r,
        """
        (一) | 完善知识产权法律政策建设 | - |
        (二) | 实行侵权惩罚性赔偿制度 | - |
        (三) | 建立知识产权保护合作机制 | - |
        (四) | 完善知识产权行政执法与刑事司法的衔接机制 | - |
        (五) | 实施知识产权信用监管制度 | - |
        (六) | 加强行政执法 | - |
        (七) | 强化司法保障措施 | - |
        (八) | 推进知识产权保护的社会共治 | - |
        (九) | 加强执法监督 | - |
        (十) | 开展知识产权国际交流与合作 | - |
        (十一) | 加强区域知识产权服务发展 | - |
        (十二) | 强化知识产权服务优势产业 | - |
        (十三) | 加强知识产权的转化和应用 | - |
        (十四) | 加强对知识产权服务的支持 | - |
        (十五) | 加强知识产权金融服务 | - |
        (十六) | 加强组织领导 | - |
        (十七) | 加强评估 | - |
        (十八) | 加强宣传引导 | - |
        """);
    // page junk after the last task is not part of it
    assertThat(r.task("(十八)").text()).doesNotContain("来源").doesNotContain("http");
    assertThat(r.task("(十一)").text()).doesNotContain("[/s2/]");
    assertThat(r.facts().targets())
        .contains(new Target("有效注册商标", 2022, new BigDecimal("25"), "万件"));
  }

  @Test
  void anshanIsReadOnceAlthoughThePageCarriesItTwice() {
    ImportResult r = importDocument("anshan-2009-ip-strategy-outline.txt");
    assertThat(r.errors()).isEmpty();
    assertThat(r.policy()).isEqualTo(ResponsibilityPolicy.ASSIGNED_PER_ROUND);
    assertThat(r.tasks()).hasSize(36);
    assertTasks(
        r,
        """
        六.1 | 突出发挥企业的创新主体地位 | - |
        六.2 | 引导创新资源向核心企业集聚 | - |
        六.3 | 积极扶持和培育各类知识产权优势企业 | - |
        七.1 | 完善知识产权地方性法规和政策体系 | - |
        七.2 | 创新知识产权管理体制和机制 | - |
        七.3 | 建立重大项目知识产权审查制度 | - |
        八.1 | 强化知识产权行政保护 | - |
        八.2 | 增强企业自我维权和行业维权的意识 | - |
        九.1 | 加快拥有自主知识产权的创新成果转化 | - |
        九.2 | 积极推动自主知识产权标准化 | - |
        九.3 | 有效利用知识产权信息促进科技创新 | - |
        十.1 | 推动高新技术产业快速发展 | - |
        十.2 | 提升特色优势产业能级和水平 | - |
        十.3 | 壮大现代农业产业 | - |
        十.4 | 大力发展创意文化产业和旅游业 | - |
        十一.1 | 加强宣传 | - |
        十一.2 | 广泛开展知识产权培训和教育 | - |
        十一.3 | 努力培育和发展知识产权文化 | - |
        十二.1 | 建立行政执法与司法保护的协调运作机制 | - |
        十二.2 | 建立联合打击侵犯知识产权违法行为机制 | - |
        十二.3 | 建立知识产权涉外应诉和维权援助机制 | - |
        十三.1 | 加快复合型知识产权人才的培养 | - |
        十三.2 | 优化环境引进高层次知识产权人才 | - |
        十三.3 | 建立知识产权人才管理和激励机制 | - |
        十四.1 | 建立健全知识产权信息服务平台 | - |
        十四.2 | 大力发展知识产权要素市场 | - |
        十四.3 | 规范知识产权中介服务机构 | - |
        十五.1 | 设立市政府知识产权奖励资金 | - |
        十五.2 | 重点支持拥有自主知识产权的企业 | - |
        十五.3 | 支持知识产权管理及服务体系建设 | - |
        十六.1 | 学习借鉴国内发达城市和地区的经验 | - |
        十六.2 | 了解掌握知识产权国际规则 | - |
        十六.3 | 举办高层知识产权论坛和交流活动 | - |
        (十七) | 落实知识产权工作责任制 | - |
        (十八) | 制定年度推进计划和建立统计指标体系 | - |
        (十九) | 加强对知识产权战略实施的考核评估 | - |
        """);
    // sub-items 1)–5) and second paragraphs belong to their task
    assertThat(r.task("十.2").text()).contains("精品钢材及深加工产业").contains("光电产业");
    assertThat(r.task("八.2").text()).contains("建立知识产权预警机制");
    // the repeated page header is not part of the last task
    assertThat(r.task("(十九)").text()).endsWith("提供科学依据。");
    assertThat(r.problems()).anyMatch(p -> p.line() == 269 && p.message().contains("repeats"));
    DraftPlanFacts f = r.facts();
    assertThat(f.issued()).isEqualTo(LocalDate.of(2009, 9, 7));
    assertThat(f.issuer()).isEqualTo("鞍山市人民政府");
    assertThat(f.periodTo()).isEqualTo(2020);
  }
}
