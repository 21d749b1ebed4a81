package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test texts under src/test/resources/importer, the five plan documents under plans/documents (the
 * ones the README's importer example reads), and a compact way to state expected tasks.
 */
final class Fixtures {

  static final PlanImporter IMPORTER = new PlanImporter();

  /** Tests run in the project directory. */
  static final Path DOCUMENTS = Path.of("plans", "documents");

  private Fixtures() {}

  static String text(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/importer/" + resource)) {
      assertThat(in).as("test resource importer/" + resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ImportResult importResource(String resource) {
    return IMPORTER.importText(resource.substring(resource.lastIndexOf('/') + 1), text(resource));
  }

  /** The text of one of the five plan documents shipped in plans/documents. */
  static String document(String fileName) {
    try {
      return Files.readString(DOCUMENTS.resolve(fileName), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ImportResult importDocument(String fileName) {
    return IMPORTER.importText(fileName, document(fileName));
  }

  /**
   * Checks every task against lines "number | title | lead | co-unit; co-unit", written by hand
   * from the document; "-" for no lead, nothing after the last bar for no co-units.
   */
  static void assertTasks(ImportResult result, String expected) {
    List<String> rows = expected.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    List<String> actual = new ArrayList<>();
    for (ImportedTask t : result.tasks()) {
      actual.add(
          t.number()
              + " | "
              + t.title()
              + " | "
              + (t.lead() == null ? "-" : t.lead())
              + " | "
              + String.join("; ", t.coUnits()));
    }
    List<String> normalised =
        rows.stream()
            .map(
                r -> {
                  String[] cells =
                      Arrays.stream(r.split("\\|", -1)).map(String::strip).toArray(String[]::new);
                  return cells[0]
                      + " | "
                      + cells[1]
                      + " | "
                      + cells[2]
                      + " | "
                      + (cells.length > 3 ? cells[3] : "");
                })
            .toList();
    assertThat(actual).as(result.source()).containsExactlyElementsOf(normalised);
  }
}
