package org.duban.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.documents.Downloads;
import org.duban.documents.LocalTimes;
import org.duban.documents.TableExport;
import org.duban.identity.PeopleNames;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 审计 view's resources: read-only history of rounds for auditors (every plan) and offices (their
 * own plans). Cockpit CE shows no history, so this is where it is read. Every query runs with the
 * caller's own authorizations (READ_HISTORY on the plan's processes): a round or file the caller
 * may not read does not exist for them (404). Every endpoint is a GET.
 */
@RestController
public class AuditController {

  /** A filtered export prints at most this many rounds; more must be narrowed first. */
  static final int MAX_EXPORT = 100;

  private final RoundSearch search;
  private final RoundHistory history;
  private final EvidenceVerification verification;
  private final DossierPdf pdf;
  private final ObjectMapper json;
  private final IdentityService identity;
  private final PeopleNames people;
  private final LocalTimes times;

  AuditController(
      RoundSearch search,
      RoundHistory history,
      EvidenceVerification verification,
      DossierPdf pdf,
      ObjectMapper json,
      IdentityService identity,
      PeopleNames people,
      LocalTimes times) {
    this.search = search;
    this.history = history;
    this.verification = verification;
    this.pdf = pdf;
    this.json = json;
    this.identity = identity;
    this.people = people;
    this.times = times;
  }

  /**
   * Rounds by plan, task, year, unit, outcome (COMPLETED, CLOSED_OUT), state (running, finished),
   * newest first, one page at a time: from the {@code first} (0-based), at most {@code max}. The
   * header {@code X-Duban-More: true} says there are more.
   */
  @GetMapping("/api/audit/rounds")
  public ResponseEntity<List<RoundSummary>> rounds(
      @RequestParam(required = false) String plan,
      @RequestParam(required = false) String task,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String keyPrefix,
      @RequestParam(defaultValue = "0") int first,
      @RequestParam(defaultValue = "" + RoundSearch.PAGE) int max) {
    if (max < 1 || max > RoundSearch.MAX_ROUNDS) {
      throw new IllegalArgumentException("每页轮次数 max 须为 1–" + RoundSearch.MAX_ROUNDS);
    }
    RoundFilter filter = new RoundFilter(plan, task, year, unit, outcome, state, keyPrefix);
    // one more than asked, to tell whether another page follows
    List<RoundSummary> found =
        search.find(filter, first, Math.min(RoundSearch.MAX_ROUNDS, max + 1));
    boolean more = found.size() > max;
    return ResponseEntity.ok()
        .header(MORE, String.valueOf(more))
        .body(more ? found.subList(0, max) : found);
  }

  /** Response header of a page of rounds: whether another page follows. */
  static final String MORE = "X-Duban-More";

  @GetMapping("/api/audit/rounds/{processInstanceId}")
  public ResponseEntity<RoundDossier> round(@PathVariable String processInstanceId) {
    return ResponseEntity.of(history.of(processInstanceId));
  }

  /** 校验: the stored bytes hashed again and compared with the fingerprint recorded at filing. */
  @GetMapping("/api/audit/evidence/{variableId}/verification")
  public ResponseEntity<EvidenceVerification.Result> verify(@PathVariable String variableId) {
    return ResponseEntity.of(verification.verify(variableId));
  }

  /** One round's dossier: format pdf (default), json or csv. */
  @GetMapping("/api/audit/rounds/{processInstanceId}/dossier")
  public ResponseEntity<byte[]> dossier(
      @PathVariable String processInstanceId, @RequestParam(defaultValue = "pdf") String format) {
    Format chosen = Format.parse(format);
    return history
        .of(processInstanceId)
        .map(
            d ->
                export(
                    "审计档案_" + d.round().businessKey().replace('/', '_'),
                    "审计档案:"
                        + (d.round().title() == null ? d.round().businessKey() : d.round().title()),
                    List.of(d),
                    chosen))
        .orElse(ResponseEntity.notFound().build());
  }

  /** The dossier of every round the filter finds (at most {@value #MAX_EXPORT}). */
  @GetMapping("/api/audit/dossier")
  public ResponseEntity<byte[]> dossiers(
      @RequestParam(required = false) String plan,
      @RequestParam(required = false) String task,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String state,
      @RequestParam(defaultValue = "pdf") String format) {
    Format chosen = Format.parse(format);
    List<RoundSummary> rounds =
        search.find(
            new RoundFilter(plan, task, year, unit, outcome, state, null), 0, MAX_EXPORT + 1);
    if (rounds.size() > MAX_EXPORT) {
      throw new IllegalArgumentException(
          "符合条件的轮次超过 " + MAX_EXPORT + " 个,一次最多导出 " + MAX_EXPORT + " 个,请缩小筛选范围");
    }
    return export("审计档案_筛选结果", "审计档案(筛选结果)", history.of(rounds), chosen);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, String>> refused(IllegalArgumentException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("message", e.getMessage()));
  }

  private ResponseEntity<byte[]> export(
      String fileName, String title, List<RoundDossier> rounds, Format format) {
    Authentication caller = identity.getCurrentAuthentication();
    DossierExport export =
        new DossierExport(
            title,
            times.minute(ClockUtil.getCurrentTime()),
            caller == null ? "" : people.of(caller.getUserId()),
            times.zone().getId(),
            rounds);
    return switch (format) {
      case PDF ->
          Downloads.attachment(fileName + ".pdf", MediaType.APPLICATION_PDF, pdf.print(export));
      case CSV ->
          Downloads.attachment(
              fileName + ".csv", Downloads.CSV, TableExport.csv(DossierTable.of(export)));
      case JSON ->
          Downloads.attachment(fileName + ".json", MediaType.APPLICATION_JSON, json(export));
    };
  }

  private byte[] json(DossierExport export) {
    try {
      return json.writerWithDefaultPrettyPrinter()
          .writeValueAsString(export)
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  enum Format {
    PDF,
    JSON,
    CSV;

    static Format parse(String text) {
      for (Format f : values()) {
        if (f.name().equalsIgnoreCase(text)) {
          return f;
        }
      }
      throw new IllegalArgumentException("导出格式只能是 pdf、json 或 csv");
    }
  }
}
