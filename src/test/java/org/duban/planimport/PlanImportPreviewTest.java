package org.duban.planimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.duban.catalog.CatalogReader;
import org.duban.importer.PlanImporter;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The REST preview answers as the import command exits: a draft (200) whenever the document has
 * recognisable tasks, warnings and placeholders included; 400 only when there is nothing to draft.
 * Plain unit test of the controller's answer (the HTTP round trip is PlanImportHttpTest's).
 */
class PlanImportPreviewTest {

  private static ResponseEntity<Map<String, Object>> preview(String source, String text) {
    return PlanImportController.preview(source, new PlanImporter().importText(source, text));
  }

  @Test
  void aDocumentWithTasksButMissingFactsAndUnitsGivesADraftWithWarnings() {
    ResponseEntity<Map<String, Object>> answer =
        preview(
            "gongzuo-yaodian.txt",
            """
            一、重点任务
            1.加强知识产权保护。开展专项执法行动。
            责任单位:市市场监管局、市公安局
            2.推进知识产权运用。开展质押融资。
            """);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> body = answer.getBody();
    assertThat(body.get("tasks")).isEqualTo(2);
    assertThat(body.get("deployable")).isEqualTo(false);
    assertThat((String) body.get("notDeployable"))
        .startsWith("gongzuo-yaodian.txt (imported catalog):")
        .contains("is a placeholder");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> problems = (List<Map<String, Object>>) body.get("problems");
    assertThat(problems).extracting(p -> p.get("severity")).containsOnly("WARNING");
    assertThat(problems)
        .extracting(p -> (String) p.get("message"))
        .anyMatch(m -> m.startsWith("gongzuo-yaodian.txt:4: warning: task 一.2 推进知识产权运用 names no"));
    String catalog = (String) body.get("catalog");
    assertThat(new CatalogReader().readDraft("draft", catalog).tasks()).hasSize(2);
    assertThat(catalog).contains("# review: the document names no units for this task");
  }

  @Test
  void aCompleteDocumentIsDeployableAsDrafted() {
    ResponseEntity<Map<String, Object>> answer =
        preview(
            "shifan-2026.txt",
            """
            示范市知识产权强市建设工作方案(2026-2028年)
            二、主要任务
            1.强化知识产权创造。培育高价值专利。
            责任单位:市知识产权局、科技局
            """);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody().get("deployable")).isEqualTo(true);
    assertThat(answer.getBody()).doesNotContainKey("notDeployable");
  }

  @Test
  void nothingToDraftIsABadRequestSayingWhy() {
    ResponseEntity<Map<String, Object>> answer = preview("notes.txt", "今天天气很好。\n明天开会。\n");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).doesNotContainKey("catalog");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> problems =
        (List<Map<String, Object>>) answer.getBody().get("problems");
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.get("severity")).isEqualTo("ERROR");
              assertThat((String) p.get("message"))
                  .startsWith("notes.txt:1: error: no recognisable main tasks");
            });
  }
}
