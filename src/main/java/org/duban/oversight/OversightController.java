package org.duban.oversight;

import java.util.List;
import java.util.Map;
import org.duban.catalog.PlanCatalog;
import org.duban.documents.Downloads;
import org.duban.documents.LocalTimes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The supervisors' views over HTTP, read-only, for the Cockpit plugin (session cookie) and scripts
 * (HTTP Basic): what {@link OversightQueries} answers for the caller, as JSON, Excel or CSV.
 */
@RestController
@RequestMapping("/api/oversight")
public class OversightController {

  private final OversightQueries queries;
  private final NoticeDocument documents;
  private final LocalTimes times;
  private final TargetRows targets;

  public OversightController(
      OversightQueries queries, NoticeDocument documents, LocalTimes times, TargetRows targets) {
    this.queries = queries;
    this.documents = documents;
    this.times = times;
    this.targets = targets;
  }

  public record PlanSummary(
      String id, String title, String city, String office, List<Integer> years, int year) {}

  @GetMapping("/plans")
  public List<PlanSummary> plans() {
    return queries.plans().stream().map(this::summary).toList();
  }

  private PlanSummary summary(PlanCatalog p) {
    return new PlanSummary(
        p.id(),
        p.plan().title(),
        p.plan().city(),
        p.plan().coordinatingOffice().name(),
        java.util.stream.IntStream.rangeClosed(p.plan().period().from(), p.plan().period().to())
            .boxed()
            .toList(),
        queries.defaultYear(p));
  }

  @GetMapping("/board")
  public Board board(
      @RequestParam("plan") String plan,
      @RequestParam(value = "year", required = false) Integer year) {
    return queries.board(plan, year);
  }

  /** 指标达标: each target of the year's rounds, the lead's value against it. */
  @GetMapping("/targets")
  public List<TargetRows.Row> targets(
      @RequestParam("plan") String plan,
      @RequestParam(value = "year", required = false) Integer year) {
    return targets.of(plan, year);
  }

  @GetMapping("/overdue")
  public ResponseEntity<?> overdue(
      @RequestParam(value = "plan", required = false) String plan,
      @RequestParam(value = "year", required = false) Integer year,
      @RequestParam(value = "unit", required = false) String unit,
      @RequestParam(value = "sort", required = false) String sort,
      @RequestParam(value = "order", required = false) String order,
      @RequestParam(value = "format", defaultValue = "json") String format) {
    Boolean descending = order == null ? null : order.equalsIgnoreCase("desc");
    List<LedgerRow> rows = queries.overdue(new OverdueFilter(plan, year, unit, sort, descending));
    return answer(format, "逾期台账_" + today(), rows, () -> OversightTables.ledger(rows));
  }

  @GetMapping("/notices")
  public ResponseEntity<?> notices(
      @RequestParam(value = "plan", required = false) String plan,
      @RequestParam(value = "year", required = false) Integer year,
      @RequestParam(value = "unit", required = false) String unit,
      @RequestParam(value = "type", required = false) String type,
      @RequestParam(value = "status", required = false) String status,
      @RequestParam(value = "format", defaultValue = "json") String format) {
    List<RegisterRow> rows = queries.notices(new NoticeFilter(plan, year, unit, type, status));
    return answer(format, "通报登记簿_" + today(), rows, () -> OversightTables.register(rows));
  }

  @GetMapping("/notices/{noticeId}/document.pdf")
  public ResponseEntity<byte[]> document(@PathVariable String noticeId) {
    NoticeRecord notice = queries.printableNotice(noticeId);
    byte[] pdf = documents.pdf(notice, queries.planOf(notice));
    return Downloads.inline(
        NoticeDocument.heading(notice) + ".pdf", MediaType.APPLICATION_PDF, pdf);
  }

  private ResponseEntity<?> answer(
      String format,
      String baseName,
      Object rows,
      java.util.function.Supplier<org.duban.documents.Table> table) {
    return switch (format) {
      case "xlsx" -> Downloads.xlsx(baseName, table.get());
      case "csv" -> Downloads.csv(baseName, table.get());
      case "json" -> ResponseEntity.ok(rows);
      default ->
          ResponseEntity.badRequest()
              .body(Map.of("status", 400, "message", "format 只能是 json、xlsx 或 csv"));
    };
  }

  private String today() {
    return times.day(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
  }

  @ExceptionHandler(OversightRefusedException.class)
  ResponseEntity<Map<String, Object>> refused(OversightRefusedException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(Map.of("status", 403, "message", e.getMessage()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> malformed(MethodArgumentTypeMismatchException e) {
    return ResponseEntity.badRequest()
        .body(Map.of("status", 400, "message", "参数「" + e.getName() + "」的值无效,年度应为数字,例如 2025"));
  }

  @ExceptionHandler(UnknownPlanException.class)
  ResponseEntity<Map<String, Object>> unknown(UnknownPlanException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(Map.of("status", 404, "message", e.getMessage()));
  }
}
