package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.importer.Fixtures.importDocument;
import static org.duban.importer.Fixtures.importResource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.duban.catalog.AsciiNames;
import org.duban.catalog.CatalogReader;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.ResponsibilityPolicy;
import org.duban.catalog.TaskEntry;
import org.duban.catalog.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The YAML the writer produces loads with CatalogReader and says what the import found. */
class CatalogYamlWriterTest {

  private final CatalogYamlWriter writer = new CatalogYamlWriter();
  private final CatalogReader reader = new CatalogReader();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "luolong-2023-ip-strong-district-action-plan.txt",
        "quanzhou-2024-ip-demonstration-city-work-plan.txt",
        "wuzhong-2022-ip-protection-14th-five-year-plan.txt",
        "jilin-2020-ip-protection-implementation-opinions.txt",
        "anshan-2009-ip-strategy-outline.txt"
      })
  void everyPlanRoundTripsThroughCatalogReader(String document) {
    ImportResult imported = importDocument(document);
    PlanCatalog catalog = reader.read(document, writer.write(imported));
    assertThat(catalog.tasks()).hasSize(imported.tasks().size());
    for (int i = 0; i < catalog.tasks().size(); i++) {
      TaskEntry t = catalog.tasks().get(i);
      ImportedTask expected = imported.tasks().get(i);
      assertThat(t.number()).isEqualTo(expected.number());
      assertThat(t.title()).isEqualTo(expected.title());
      assertThat(t.text()).isEqualTo(expected.text());
      assertThat(t.lead()).isEqualTo(expected.lead());
      assertThat(t.coUnits()).isEqualTo(expected.coUnits());
    }
    assertUniqueIdsAndSlugs(catalog);
  }

  @Test
  void unitIdsArePinyinWithoutTheLevelPrefixAndScopedToTheGovernment() {
    PlanCatalog catalog =
        reader.read(
            "q", writer.write(importDocument("quanzhou-2024-ip-demonstration-city-work-plan.txt")));
    assertThat(catalog.plan().id()).isEqualTo("quanzhou-2024");
    assertThat(catalog.plan().responsibility()).isEqualTo(ResponsibilityPolicy.LEAD_FIRST);
    assertThat(catalog.plan().coordinatingOffice())
        .isEqualTo(new Unit("quanzhou-lingdaoxiaozu-ban", "市知识产权工作领导小组办公室"));
    assertThat(catalog.unit("市知识产权局").id()).isEqualTo("quanzhou-zhishichanquanju");
    assertThat(catalog.unit("中国人民银行泉州市分行").id())
        .isEqualTo("quanzhou-zhongguorenminyinhangquanzhoushifenhang");
    assertThat(catalog.unit("市委宣传部").id()).isEqualTo("quanzhou-shiweixuanchuanbu");
    assertThat(catalog.plan().targets()).isNotEmpty();
  }

  @Test
  void aBaseCatalogKeepsStoredIdsReviewedFactsAndPromotedMeasures() {
    PlanCatalog reviewed =
        reader.read(
            "base",
            """
        plan:
          id: demo-2024
          government: demo
          city: 某市
          title: 某市审定标题
          period: {from: 2024, to: 2026}
          coordinatingOffice: {id: demo-ban, name: 某市督办室}
          responsibility: LEAD_FIRST
        units:
          - {id: demo-ipo, name: 市知识产权局}
          - {id: demo-keji, name: 市科技局}
        tasks:
          - number: 一.1-试点
            title: 开展试点
            measureOf: 一.1 树导向
            lead: 市知识产权局
            coUnits: [市科技局]
        """);
    PlanCatalog written =
        reader.read("out", writer.write(importResource("line-after-task.txt"), reviewed));
    assertThat(written.plan().title()).isEqualTo("某市审定标题");
    assertThat(written.plan().coordinatingOffice().id()).isEqualTo("demo-ban");
    assertThat(written.unit("市知识产权局").id()).isEqualTo("demo-ipo");
    assertThat(written.unit("市科技局").id()).isEqualTo("demo-keji");
    assertThat(written.unit("市工信局").id()).isEqualTo("demo-gongxinju");
    List<String> numbers = written.tasks().stream().map(TaskEntry::number).toList();
    assertThat(numbers).startsWith("一.1", "一.1-试点", "一.2");
  }

  @Test
  void plansWithoutUnitsWriteAnEmptyDirectory() {
    PlanCatalog catalog =
        reader.read(
            "j",
            writer.write(importDocument("jilin-2020-ip-protection-implementation-opinions.txt")));
    assertThat(catalog.units()).isEmpty();
    assertThat(catalog.plan().responsibility()).isEqualTo(ResponsibilityPolicy.ASSIGNED_PER_ROUND);
    assertThat(catalog.tasks()).allSatisfy(t -> assertThat(t.lead()).isNull());
  }

  static void assertUniqueIdsAndSlugs(PlanCatalog catalog) {
    Set<String> slugs = new HashSet<>();
    for (TaskEntry t : catalog.tasks()) {
      assertThat(slugs.add(AsciiNames.taskSlug(t.number()))).as("slug of " + t.number()).isTrue();
    }
    Set<String> ids = new HashSet<>();
    ids.add(catalog.plan().coordinatingOffice().id());
    for (Unit u : catalog.units()) {
      assertThat(ids.add(u.id())).as("id " + u.id()).isTrue();
      assertThat(u.id())
          .startsWith(catalog.plan().government() + "-")
          .hasSizeLessThanOrEqualTo(UnitIds.MAX_LENGTH);
    }
  }
}
