package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.duban.catalog.CatalogReader;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanFacts;
import org.duban.catalog.Target;
import org.duban.catalog.TaskEntry;
import org.duban.catalog.Unit;
import org.junit.jupiter.api.Test;

/**
 * A document imported into its reviewed catalog ({@code --base}): the base wins wherever it says
 * something, what only the document has is added, and both are flagged for review.
 */
class CatalogMergeTest {

  private static final String LUOLONG = "luolong-2023-ip-strong-district-action-plan.txt";
  private static final String JILIN = "jilin-2020-ip-protection-implementation-opinions.txt";
  private static final String QUANZHOU = "quanzhou-2024-ip-demonstration-city-work-plan.txt";

  private final CatalogReader reader = new CatalogReader();
  private final CatalogYamlWriter writer = new CatalogYamlWriter();

  @Test
  void aTaskOnlyTheDocumentHasIsAddedWithItsNewUnitAndFlagged() {
    PlanCatalog base = shipped("luolong-2023");
    String document =
        Fixtures.document(LUOLONG)
            .replace("三、保障措施", "24. 推进数据知识产权保护\n\n探索数据知识产权登记。(责任单位:区市场监管局、区大数据局)\n\n三、保障措施");

    CatalogDraft draft = draft(LUOLONG, document, base);

    PlanCatalog c = draft.catalog();
    assertThat(c.tasks())
        .hasSize(base.tasks().size() + 1)
        .startsWith(base.tasks().toArray(TaskEntry[]::new));
    assertThat(c.tasks().get(c.tasks().size() - 1))
        .isEqualTo(
            new TaskEntry(
                "24",
                "推进数据知识产权保护",
                null,
                "探索数据知识产权登记。",
                null,
                "区市场监管局",
                List.of("区大数据局"),
                List.of(),
                null));
    assertThat(c.units())
        .startsWith(base.units().toArray(Unit[]::new))
        .endsWith(new Unit("luolong-dashujuju", "区大数据局"))
        .hasSize(base.units().size() + 1);
    assertThat(c.plan()).isEqualTo(base.plan());
    assertThat(messages(draft))
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith(
                        "task 24 推进数据知识产权保护 is in the document but not in the"
                            + " reviewed catalog: added after 23"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("unit '区大数据局' (task 24)")
                    .contains("added as 'luolong-dashujuju'"))
        .hasSize(2);

    String yaml = writer.write(draft);
    assertThat(yaml)
        .contains("  # new: in the document (line ")
        .contains("not in the reviewed catalog; review it\n  - number: \"24\"")
        .contains(
            "  # new: named by task 24 of the document, not in the reviewed catalog; review the id\n  - id: luolong-dashujuju")
        .contains("# review (line 155): task 24 推进数据知识产权保护 is in the document");
    assertThat(reader.read("draft", yaml)).isEqualTo(c);
  }

  @Test
  void aTaskTheDocumentNoLongerHasStaysAndIsFlagged() {
    PlanCatalog base = shipped("luolong-2023");
    String full = Fixtures.document(LUOLONG);
    String document =
        full.substring(0, full.indexOf("23. 营造")) + full.substring(full.indexOf("三、保障措施"));

    CatalogDraft draft = draft(LUOLONG, document, base);

    assertThat(draft.catalog()).isEqualTo(base);
    assertThat(messages(draft))
        .containsExactly(
            "task 23 营造知识产权浓厚文化环境 of the reviewed catalog is no longer in the document:"
                + " kept; remove it if the plan dropped it");
    assertThat(writer.write(draft))
        .contains(
            "  # no longer in the document: kept from the reviewed catalog; remove it if the plan"
                + " dropped it\n  - number: \"23\"");
  }

  @Test
  void aTaskMissingFromTheBaseComesBackInTheDocumentsPlace() {
    PlanCatalog shipped = shipped("luolong-2023");
    CatalogDraft draft = draft(LUOLONG, Fixtures.document(LUOLONG), without(shipped, "5"));

    assertThat(draft.catalog()).isEqualTo(shipped);
    assertThat(messages(draft))
        .singleElement()
        .asString()
        .contains("task 5 加强知识产权行政执法")
        .contains("added after 4");
  }

  @Test
  void unitsGoByTheirReviewedNameAndAliases() {
    PlanCatalog shipped = shipped("luolong-2023");
    List<Unit> units =
        shipped.units().stream()
            .map(u -> u.name().equals("区商务局") ? new Unit(u.id(), "区商务和投资促进局", List.of("区商务局")) : u)
            .toList();
    PlanCatalog base =
        without(
            new PlanCatalog(
                shipped.plan(), shipped.calendar(), shipped.escalation(), units, shipped.tasks()),
            "1");

    CatalogDraft draft = draft(LUOLONG, Fixtures.document(LUOLONG), base);

    assertThat(draft.catalog().units()).isEqualTo(units);
    assertThat(draft.catalog().task("1").orElseThrow().coUnits()).containsExactly("区商务和投资促进局");
    // the tasks that kept the alias are not flagged: the same unit
    assertThat(messages(draft)).singleElement().asString().startsWith("task 1 ");
    assertThat(reader.read("draft", writer.write(draft))).isEqualTo(draft.catalog());
  }

  @Test
  void aPlanAssigningUnitsEachRoundKeepsItsWholeDirectory() {
    PlanCatalog shipped = shipped("jilin-2020");
    CatalogDraft draft = draft(JILIN, Fixtures.document(JILIN), without(shipped, "(三)"));

    assertThat(draft.catalog()).isEqualTo(shipped);
    assertThat(draft.catalog().units()).hasSize(18);
    assertThat(messages(draft))
        .singleElement()
        .asString()
        .contains("task (三) 建立知识产权保护合作机制")
        .contains("added after (二)");
  }

  @Test
  void aReviewedMappingWinsAndAnUnmappedTargetTakesTheDocumentsDraft() {
    PlanCatalog shipped = shipped("quanzhou-2024");
    PlanFacts p = shipped.plan();
    List<Target> targets =
        p.targets().stream()
            .map(t -> t.indicator().equals("知识产权信息公共服务网点总数") ? t.withTasks(List.of()) : t)
            .toList();
    PlanFacts unmapped =
        new PlanFacts(
            p.id(),
            p.government(),
            p.city(),
            p.title(),
            p.issuer(),
            p.issued(),
            p.period(),
            p.coordinatingOffice(),
            p.responsibility(),
            p.source(),
            targets);
    PlanCatalog base =
        new PlanCatalog(
            unmapped, shipped.calendar(), shipped.escalation(), shipped.units(), shipped.tasks());

    CatalogDraft draft = draft(QUANZHOU, Fixtures.document(QUANZHOU), base);

    // 二.2 names 知识产权优势示范企业 too, but the review chose 一.2 育主体: the review wins
    assertThat(draft.catalog().plan().targets()).isEqualTo(p.targets());
    assertThat(messages(draft))
        .containsExactly(
            "plan.targets: 指标「知识产权信息公共服务网点总数」(2026): the reviewed catalog maps it to no task;"
                + " the document's tasks [四.1] were added: review them");
  }

  @Test
  void reviewedFactsWinAndWhatOnlyTheDocumentSaysIsAdded() {
    PlanCatalog shipped = shipped("quanzhou-2024");
    PlanFacts p = shipped.plan();
    PlanFacts reviewed =
        new PlanFacts(
            p.id(),
            p.government(),
            p.city(),
            "泉州市审定的标题",
            null,
            p.issued(),
            p.period(),
            p.coordinatingOffice(),
            p.responsibility(),
            p.source(),
            List.of());
    PlanCatalog base =
        new PlanCatalog(
            reviewed, shipped.calendar(), shipped.escalation(), shipped.units(), shipped.tasks());

    CatalogDraft draft = draft(QUANZHOU, Fixtures.document(QUANZHOU), base);

    PlanFacts merged = draft.catalog().plan();
    assertThat(merged.title()).isEqualTo("泉州市审定的标题");
    assertThat(merged.issuer()).isEqualTo("泉州市人民政府");
    // the document's values; its drafted mapping where a task names the indicator, none elsewhere
    assertThat(TargetOwners.values(merged.targets())).isEqualTo(TargetOwners.values(p.targets()));
    assertThat(merged.targets())
        .filteredOn(t -> t.indicator().equals("知识产权信息公共服务网点总数"))
        .singleElement()
        .extracting(Target::tasks)
        .isEqualTo(List.of("四.1"));
    assertThat(merged.targets())
        .filteredOn(t -> t.indicator().equals("每万人口高价值发明专利拥有量"))
        .singleElement()
        .extracting(Target::tasks)
        .isEqualTo(List.of());
    assertThat(messages(draft))
        .containsExactly(
            "plan.title: the document reads '"
                + p.title()
                + "', the reviewed catalog '泉州市审定的标题', which is kept",
            "plan.issuer: the reviewed catalog has none; the document's '泉州市人民政府' was added: review it",
            "plan.targets: the reviewed catalog has none; the document's 7 were added: review them");
  }

  @Test
  void theSameImportGivesTheSameBytes() {
    PlanCatalog base = without(shipped("luolong-2023"), "7");
    String document = Fixtures.document(LUOLONG);
    assertThat(writer.write(draft(LUOLONG, document, base)))
        .isEqualTo(writer.write(draft(LUOLONG, document, base)));
  }

  private static CatalogDraft draft(String source, String document, PlanCatalog base) {
    ImportResult result = Fixtures.IMPORTER.importText(source, document);
    assertThat(result.errors()).isEmpty();
    return CatalogDraft.of(result, base);
  }

  private static List<String> messages(CatalogDraft draft) {
    return draft.baseNotes().stream().map(ImportProblem::message).toList();
  }

  private static PlanCatalog without(PlanCatalog c, String number) {
    List<TaskEntry> tasks = new ArrayList<>(c.tasks());
    assertThat(tasks.removeIf(t -> t.number().equals(number))).isTrue();
    return new PlanCatalog(c.plan(), c.calendar(), c.escalation(), c.units(), tasks);
  }

  private PlanCatalog shipped(String plan) {
    String file = "plans/" + plan + ".yaml";
    try {
      return reader.read(file, Files.readString(Path.of(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
