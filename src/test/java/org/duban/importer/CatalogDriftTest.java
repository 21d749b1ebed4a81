package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.importer.Fixtures.importDocument;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.duban.catalog.CatalogReader;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.catalog.TaskEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped catalogs in plans/ and the parser cannot drift apart: re-importing each plan document
 * gives the same tasks, with the same number, title, lead and co-units. Promoted measures
 * (measureOf) are the reviewers' own and are not in the document.
 */
class CatalogDriftTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"luolong-2023", "quanzhou-2024", "wuzhong-2022", "jilin-2020", "anshan-2009"})
  void shippedCatalogAgreesWithItsDocument(String plan) throws IOException {
    String file = "plans/" + plan + ".yaml";
    PlanCatalog catalog =
        new CatalogReader().read(file, Files.readString(Path.of(file), StandardCharsets.UTF_8));
    ImportResult imported = importDocument(catalog.plan().source());
    assertThat(imported.errors()).isEmpty();
    assertThat(catalog.plan().responsibility()).isEqualTo(imported.policy());

    List<TaskEntry> shipped = catalog.tasks().stream().filter(t -> t.measureOf() == null).toList();
    assertThat(shipped)
        .extracting(TaskEntry::number)
        .containsExactlyElementsOf(imported.tasks().stream().map(ImportedTask::number).toList());
    for (TaskEntry t : shipped) {
      ImportedTask fresh = imported.task(t.number());
      assertThat(t.title()).as(file + " " + t.number() + " title").isEqualTo(fresh.title());
      assertThat(t.lead()).as(file + " " + t.number() + " lead").isEqualTo(fresh.lead());
      assertThat(t.coUnits()).as(file + " " + t.number() + " co-units").isEqualTo(fresh.coUnits());
    }
    CatalogYamlWriterTest.assertUniqueIdsAndSlugs(catalog);
  }

  @Test
  void allShippedCatalogsLoadTogether() {
    PlanCatalogs all = PlanCatalogs.load(List.of("file:plans/*.yaml"));
    assertThat(all.all())
        .extracting(PlanCatalog::id)
        .containsExactlyInAnyOrder(
            "anshan-2009", "jilin-2020", "luolong-2023", "quanzhou-2024", "wuzhong-2022");
    assertThat(all.all().stream().mapToInt(c -> c.tasks().size()).sum())
        .isEqualTo(23 + 18 + 26 + 18 + 36);
  }
}
