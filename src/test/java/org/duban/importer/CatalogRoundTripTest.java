package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.importer.Fixtures.importDocument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duban.catalog.CatalogReader;
import org.duban.catalog.EscalationRules;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanFacts;
import org.duban.catalog.PlanPeriod;
import org.duban.catalog.RoundCalendar;
import org.duban.catalog.Target;
import org.duban.catalog.TaskEntry;
import org.duban.catalog.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalog round trip is lossless: importing a plan document with its reviewed catalog as base
 * gives back exactly that catalog, and a catalog written and read again is the same catalog, field
 * for field (records compared with equals, lists in order).
 */
class CatalogRoundTripTest {

  private final CatalogReader reader = new CatalogReader();
  private final CatalogYamlWriter writer = new CatalogYamlWriter();

  @TempDir Path dir;

  /** Every field of every catalog record set, and values a careless writer would change. */
  static final String FULL =
      """
      # A catalog that sets every field.
      plan:
        id: demo-2024
        government: demo
        city: 示范
        title: "示范市知识产权工作方案: 2024 #1"
        issuer: 示范市人民政府
        issued: 2024-02-28
        period: {from: 2024, to: 2029}
        coordinatingOffice:
          id: demo-ban
          name: 市知识产权工作领导小组办公室
          aliases: [市知识产权办, 市知識產權辦]
        responsibility: LEAD_FIRST
        source: demo-2024-plan.txt
        targets:
          - {indicator: 每万人口高价值发明专利拥有量, year: 2026, value: 0.750, unit: 件}
          - {indicator: 有效注册商标量, value: 1E+3, unit: 万件, direction: AT_MOST, tasks: [一.1, "2"]}
          - {indicator: "yes", year: 2029, value: 15000}
      calendar:
        roundStarts: "02-01"
        reportDue: "11-30"
        coUnitLeadTime: P2W
        reworkTime: P1M
        evaluationStarts: "12-05"
        midTermEvery: 2
        minimumLeadTime: P45D
        reviewTime: P3W
        decisionTime: P4D
        reporting: HALF_YEARLY
        periodDue:
          H1: "06-20"
      escalation:
        reminderBefore: P7D
        overdueAfter: P2D
        criticismAfter: P1M
        secondCriticismAfter: P10D
      units:
        - id: demo-zhishichanquanju
          name: 市知识产权局
          aliases: [市知识产权局(市场监管局)]
        - {id: demo-kejiju, name: 市科技局}
        - {id: "null", name: "null"}
        - {id: demo-keji-2, name: " 市科技协会 "}
      tasks:
        - number: 一.1
          title: 强化金融支撑
          text: |-
            第一段: 含有冒号和 # 号。

              缩进的第二段
            "引号" 与 'quotes' \\ 反斜杠
          original: |-
            一、強化金融支撐
            第二行
          lead: 市知识产权局
          coUnits: [市科技局, "null"]
          deadline: 2025年11月底前
          targets:
            - {indicator: 质押融资额, year: 2025, value: 12.50, unit: 亿元}
        - number: 一.1-试点
          title: 开展试点
          measureOf: 一.1 强化金融支撑
          text: " 以空格开头,以换行结尾\\n"
          reporting: QUARTERLY
          lead: 市知识产权局(市场监管局)
          coUnits: [" 市科技协会 "]
        - number: "2"
          title: "true"
          text: "尾随空格   \\n\\t制表符\\u2028行分隔符"
          lead: 市科技局
        - number: (三)
          title: 没有正文
          text: ""
          lead: 市科技局
      """;

  @ParameterizedTest
  @ValueSource(
      strings = {"luolong-2023", "quanzhou-2024", "wuzhong-2022", "jilin-2020", "anshan-2009"})
  void importingTheDocumentWithItsCatalogAsBaseGivesBackExactlyTheCatalog(String plan)
      throws IOException {
    PlanCatalog base = shipped(plan);
    ImportResult imported = importDocument(base.plan().source());
    assertThat(imported.errors()).isEmpty();

    String draft = writer.write(imported, base);

    assertThat(reader.read(plan + " (draft)", draft)).isEqualTo(base);
    assertThat(writer.write(imported, base)).as("same input, same bytes").isEqualTo(draft);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"luolong-2023", "quanzhou-2024", "wuzhong-2022", "jilin-2020", "anshan-2009"})
  void theImportCommandWithBaseWritesTheCatalogBackWithItsHeader(String plan) throws IOException {
    Path catalogFile = Path.of("plans", plan + ".yaml");
    PlanCatalog base = shipped(plan);
    Path out = dir.resolve(plan + "-draft.yaml");
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit =
        ImportCommand.run(
            new String[] {
              "import",
              Fixtures.DOCUMENTS.resolve(base.plan().source()).toString(),
              "--base",
              catalogFile.toString(),
              "--out",
              out.toString()
            },
            System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    String draft = Files.readString(out);
    assertThat(reader.read(out.toString(), draft)).isEqualTo(base);
    assertThat(draft)
        .startsWith(
            String.join("\n", CatalogYamlWriter.leadingComments(Files.readString(catalogFile)))
                + "\n");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(catalogFile + ": kept as reviewed")
        .contains(" 0 note(s) to review");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"luolong-2023", "quanzhou-2024", "wuzhong-2022", "jilin-2020", "anshan-2009"})
  void aShippedCatalogWrittenAndReadAgainIsTheSameCatalog(String plan) throws IOException {
    PlanCatalog catalog = shipped(plan);
    assertStable(catalog);
  }

  @Test
  void aCatalogSettingEveryFieldIsWrittenAndReadBackUnchanged() {
    PlanCatalog full = reader.read("full.yaml", FULL);
    assertEveryFieldIsSet(full);
    assertThat(full.tasks().get(1).text()).isEqualTo(" 以空格开头,以换行结尾\n");
    assertThat(full.plan().targets().get(0).value()).hasToString("0.750");

    assertStable(full);
  }

  @Test
  void theWrittenCatalogKeepsItsCommentsAndReadableText() {
    String yaml = writer.write(shipped("anshan-2009"));
    assertThat(yaml)
        .contains("  midTermEvery: 3             # a mid-term evaluation every this many years")
        .contains(
            "  minimumLeadTime: P30D       # a round started late gives the lead unit at least this long")
        .contains(
            "  secondCriticismAfter: P5D   # second criticism (-> 约谈) this long after the first")
        .contains(
            "units:   # the plan names no units: the directory the coordinating office assigns each round's units from")
        .contains("    text: |-\n      企业作为创新主体,要制定");
    String full = writer.write(reader.read("full.yaml", FULL));
    assertThat(full)
        .contains("    text: |-\n      第一段: 含有冒号和 # 号。\n\n        缩进的第二段\n")
        .contains("    text: \" 以空格开头,以换行结尾\\n\"")
        .contains("  coUnitLeadTime: P14D        #")
        .contains("    aliases:\n      - 市知识产权办\n")
        .contains("  # a measure promoted to a task of its own");
  }

  private PlanCatalog shipped(String plan) {
    String file = "plans/" + plan + ".yaml";
    try {
      return reader.read(file, Files.readString(Path.of(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** write(read(x)) reads as read(x), and writing that again gives the same bytes. */
  private void assertStable(PlanCatalog catalog) {
    String written = writer.write(catalog);
    PlanCatalog reread = reader.read("written", written);
    assertThat(reread).isEqualTo(catalog);
    assertThat(writer.write(reread)).isEqualTo(written);
  }

  /**
   * Each component of each catalog record has a value (a non-empty one for lists) somewhere in the
   * catalog: a field added to a record later fails here until FULL sets it, and then the round trip
   * shows whether the writer writes it.
   */
  private static void assertEveryFieldIsSet(PlanCatalog catalog) {
    Map<Class<?>, Set<String>> set = new HashMap<>();
    collect(catalog, set);
    for (Class<?> type :
        List.of(
            PlanCatalog.class,
            PlanFacts.class,
            PlanPeriod.class,
            Unit.class,
            RoundCalendar.class,
            EscalationRules.class,
            TaskEntry.class,
            Target.class)) {
      Set<String> all = new HashSet<>();
      for (RecordComponent c : type.getRecordComponents()) {
        all.add(c.getName());
      }
      assertThat(set.getOrDefault(type, Set.of()))
          .as("fields of " + type.getSimpleName() + " that FULL sets")
          .isEqualTo(all);
    }
  }

  private static void collect(Object value, Map<Class<?>, Set<String>> set) {
    if (value instanceof Collection<?> values) {
      values.forEach(v -> collect(v, set));
      return;
    }
    if (value == null || !value.getClass().isRecord()) {
      return;
    }
    for (RecordComponent c : value.getClass().getRecordComponents()) {
      Object field;
      try {
        field = c.getAccessor().invoke(value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (field != null && !(field instanceof Collection<?> list && list.isEmpty())) {
        set.computeIfAbsent(value.getClass(), k -> new HashSet<>()).add(c.getName());
      }
      collect(field, set);
    }
  }
}
