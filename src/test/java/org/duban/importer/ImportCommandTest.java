package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.duban.catalog.CatalogReader;
import org.duban.catalog.PlanCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ImportCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void printsTheCatalogOnStdoutAndProblemsOnStderr() throws IOException {
    Path plan =
        file(
            "luolong-2023-plan.txt",
            Fixtures.document("luolong-2023-ip-strong-district-action-plan.txt"));
    assertThat(run("import", plan.toString())).isZero();
    PlanCatalog catalog = new CatalogReader().read("stdout", out.toString(StandardCharsets.UTF_8));
    assertThat(catalog.plan().id()).isEqualTo("luolong-2023");
    assertThat(catalog.tasks()).hasSize(23);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("luolong-2023-plan.txt:1: warning:")
        .contains("23 tasks");
  }

  @Test
  void keepsStoredIdsWithABaseCatalog() throws IOException {
    Path plan =
        file(
            "wuzhong-2022.txt",
            Fixtures.document("wuzhong-2022-ip-protection-14th-five-year-plan.txt"));
    assertThat(run("import", plan.toString(), "--base", "plans/wuzhong-2022.yaml")).isZero();
    PlanCatalog catalog = new CatalogReader().read("stdout", out.toString(StandardCharsets.UTF_8));
    assertThat(catalog.unit("市中级人民法院").id()).isEqualTo("wuzhong-zhongjifayuan");
    assertThat(catalog.task("一.4-展会")).isPresent();
  }

  @Test
  void flagsOnStderrWhereTheDocumentNowSaysOtherwiseAndKeepsTheReviewedTaskAndHeader()
      throws IOException {
    String document = Fixtures.document("luolong-2023-ip-strong-district-action-plan.txt");
    String changed =
        document.substring(0, document.indexOf("23. 营造"))
            + "23. 推进数据知识产权保护\n\n探索数据知识产权登记。"
            + "(责任单位:区市场监管局、区大数据局)\n\n"
            + document.substring(document.indexOf("三、保障措施"));
    Path plan = file("luolong-2023-plan.txt", changed);

    assertThat(run("import", plan.toString(), "--base", "plans/luolong-2023.yaml")).isZero();

    String yaml = out.toString(StandardCharsets.UTF_8);
    PlanCatalog catalog = new CatalogReader().read("stdout", yaml);
    assertThat(catalog.task("23").orElseThrow().title()).isEqualTo("营造知识产权浓厚文化环境");
    assertThat(catalog.unitNamed("区大数据局")).isEmpty();
    assertThat(yaml)
        .startsWith("# 洛龙区知识产权强区行动方案 — plan catalog, imported from plans/documents/")
        .contains("# Review notes: the page (a reply to a deputy's proposal)");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "luolong-2023-plan.txt:151: warning: task 23: the document's title is '推进数据知识产权保护'; the reviewed"
                + " '营造知识产权浓厚文化环境' is kept")
        .contains(
            "luolong-2023-plan.txt:151: warning: task 23: the document's text differs from the reviewed text, which is kept")
        .contains(
            "luolong-2023-plan.txt:151: warning: task 23: the document names lead 区市场监管局, co-units [区大数据局];")
        .contains(
            "plans/luolong-2023.yaml: kept as reviewed; the draft has 23 tasks and 17 units, 4 note(s) to review");
  }

  @Test
  void writesTheDraftToANewOutFileAndNeverOverwritesOneWithoutForce() throws IOException {
    Path plan = Fixtures.DOCUMENTS.resolve("quanzhou-2024-ip-demonstration-city-work-plan.txt");
    Path draft = dir.resolve("quanzhou-draft.yaml");

    assertThat(run("import", plan.toString(), "--out", draft.toString())).isZero();
    assertThat(out.size()).isZero();
    assertThat(new CatalogReader().read("draft", Files.readString(draft)).plan().id())
        .isEqualTo("quanzhou-2024");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("wrote " + draft);

    Path reviewed = file("quanzhou-2024.yaml", "# reviewed by hand\n");
    assertThat(run("import", plan.toString(), "--out", reviewed.toString())).isEqualTo(1);
    assertThat(Files.readString(reviewed)).isEqualTo("# reviewed by hand\n");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(reviewed + ": exists, not overwritten (add --force");

    assertThat(run("import", plan.toString(), "--out", reviewed.toString(), "--force")).isZero();
    assertThat(Files.readString(reviewed)).contains("id: quanzhou-2024");
  }

  @Test
  void failsWithTheLineOfTheProblem() throws IOException {
    Path plan = file("bad.txt", Fixtures.text("bad-units.txt"));
    assertThat(run("import", plan.toString())).isEqualTo(1);
    assertThat(out.size()).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("bad.txt:5: error:")
        .contains("bad.txt:6: error:");
  }

  @Test
  void failsOnAnEmptyOrMissingFileAndOnWrongUsage() throws IOException {
    assertThat(run("import", file("empty.txt", "").toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("empty.txt:1: error: the text is empty");
    assertThat(run("import", dir.resolve("missing.txt").toString())).isEqualTo(1);
    assertThat(run("export", "x")).isEqualTo(2);
    assertThat(run("import", "x.txt", "--out")).isEqualTo(2);
    assertThat(run("import", "x.txt", "--force")).isEqualTo(2);
    assertThat(run("import", "x.txt", "--verbose")).isEqualTo(2);
    assertThat(run()).isEqualTo(2);
  }
}
