package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void writesADraftWithWarningsAndExitsZeroWhenTheDocumentHasTasks() throws IOException {
    Path plan = file("bad.txt", Fixtures.text("bad-units.txt"));
    assertThat(run("import", plan.toString())).isZero();
    String yaml = out.toString(StandardCharsets.UTF_8);
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertThat(stderr)
        .contains("bad.txt:5: warning: task 2: cannot read its units: the unit list is empty")
        .contains("bad.txt:6: warning: task 3 优化服务 names no responsible unit")
        .contains("bad.txt:1: warning: the plan's period (years) was not found")
        .contains(
            "bad.txt: warning: the draft cannot be deployed as it is: bad.txt (imported catalog):")
        .contains("3 tasks")
        .doesNotContain("error");
    // the draft reads as a draft, with the tasks the office decides on flagged ...
    PlanCatalog draft = new CatalogReader().readDraft("stdout", yaml);
    assertThat(draft.tasks()).extracting(t -> t.number()).containsExactly("1", "2", "3");
    assertThat(draft.task("2").orElseThrow().lead()).isNull();
    assertThat(draft.plan().period()).isNull();
    assertThat(yaml)
        .contains("# review: the document names no units for this task")
        .contains("  # period: 待填写 — the document names no period; add it:\n");
    // ... and deploying refuses it until the reviewer has filled in what is missing, naming the
    // placeholder and then the task without units
    assertThatThrownBy(() -> new CatalogReader().read("draft.yaml", yaml))
        .hasMessageContaining("[plan.city]: '待填写(城市)' is a placeholder");
    String placed = yaml.replace("city: 待填写(城市)", "city: 某区").replace("daitianxie", "mouqu");
    assertThatThrownBy(() -> new CatalogReader().read("draft.yaml", placed))
        .hasMessageContaining("[plan.period]: is required");
    String dated =
        withPeriod(placed).replace("name: 待填写(督办单位,如市知识产权工作领导小组办公室)", "name: 区知识产权工作领导小组办公室");
    assertThatThrownBy(() -> new CatalogReader().read("draft.yaml", dated))
        .hasMessageContaining("[tasks[1].lead]: task 2 强化运用 names no unit: name its units, or");
  }

  private static String withPeriod(String yaml) {
    return yaml.replace(
        "  coordinatingOffice:", "  period:\n    from: 2024\n    to: 2026\n  coordinatingOffice:");
  }

  @Test
  void aDraftWithoutCityOrOfficeCarriesPlaceholdersThatDeployingRefuses() throws IOException {
    Path plan =
        file(
            "untitled.txt",
            """
            二、重点任务
            1.加强知识产权保护。开展专项执法。
            责任单位:市市场监管局、市公安局
            """);
    assertThat(run("import", plan.toString())).isZero();
    String yaml = out.toString(StandardCharsets.UTF_8);
    assertThat(yaml).contains("city: 待填写(城市)").contains("name: 待填写(督办单位");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("untitled.txt:1: warning: no city, district or province found")
        .contains("plan.coordinatingOffice is a placeholder (待填写)");
    String dated = withPeriod(yaml);
    assertThatThrownBy(() -> new CatalogReader().read("draft.yaml", dated))
        .hasMessageContaining("[plan.city]: '待填写(城市)' is a placeholder");
    String titled =
        dated.replace("city: 待填写(城市)", "city: 示范").replace("title: 待填写(方案标题)", "title: 示范方案");
    assertThatThrownBy(() -> new CatalogReader().read("draft.yaml", titled))
        .hasMessageContaining("[plan.id]: 'daitianxie-")
        .hasMessageContaining("is a placeholder id");
    String slugged = titled.replace("daitianxie", "shifan");
    assertThatThrownBy(() -> new CatalogReader().read("draft.yaml", slugged))
        .hasMessageContaining("[plan.coordinatingOffice.name]: '待填写(督办单位");
    String complete = slugged.replace("name: 待填写(督办单位,如市知识产权工作领导小组办公室)", "name: 市知识产权工作领导小组办公室");
    assertThat(new CatalogReader().read("draft.yaml", complete).tasks()).hasSize(1);
  }

  @Test
  void exitsOneWhenThereIsNothingToDraft() throws IOException {
    Path notes = file("notes.txt", Fixtures.text("unrelated.txt"));
    assertThat(run("import", notes.toString())).isEqualTo(1);
    assertThat(out.size()).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("notes.txt:1: error: no recognisable main tasks")
        .contains("notes.txt: not imported: 1 error(s)");
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
