package org.duban.extension;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Extension requests over HTTP, behind the login (and the session's CSRF token) of every /api
 * endpoint:
 *
 * <ul>
 *   <li>{@code POST /api/extensions} {taskId, reason, proposedDue}: a unit asks for more time on
 *       its open report task (see {@link ExtensionRequests} for the rules);
 *   <li>{@code GET /api/extensions/allowance?taskId=}: for the report form, how often the task
 *       asked and may ask, and its requests so far;
 *   <li>{@code GET /api/extensions?plan=&year=}: the plan's requests, as far as the caller may read
 *       the plan's history (its office, auditors).
 * </ul>
 */
@RestController
public class ExtensionController {

  static final Set<String> FIELDS = Set.of("taskId", "reason", "proposedDue");

  private final IdentityService identity;
  private final ExtensionRequests requests;
  private final ExtensionRecords records;

  public ExtensionController(
      IdentityService identity, ExtensionRequests requests, ExtensionRecords records) {
    this.identity = identity;
    this.requests = requests;
    this.records = records;
  }

  @PostMapping("/api/extensions")
  public ResponseEntity<?> request(@RequestBody(required = false) Map<String, Object> body) {
    if (body == null) {
      throw ExtensionRefusedException.invalid("请求体应为 JSON:{taskId, reason, proposedDue}");
    }
    for (String field : body.keySet()) {
      if (!FIELDS.contains(field)) {
        throw ExtensionRefusedException.invalid(
            "不接受字段「" + field + "」:延期申请只接受 taskId、reason、proposedDue,其余由系统记录");
      }
    }
    Authentication caller = identity.getCurrentAuthentication();
    String id =
        requests.request(
            new ExtensionRequest(
                text(body.get("taskId")), text(body.get("reason")), text(body.get("proposedDue"))),
            caller.getUserId(),
            groups(caller));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", id);
    answer.put("message", "延期申请已提交,请等待督办单位审批");
    return ResponseEntity.status(201).body(answer);
  }

  @GetMapping("/api/extensions/allowance")
  public ResponseEntity<?> allowance(@RequestParam String taskId) {
    ExtensionRequests.Allowance allowance =
        requests.allowance(taskId, groups(identity.getCurrentAuthentication()));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(allowance);
  }

  @GetMapping("/api/extensions")
  public ResponseEntity<?> list(
      @RequestParam String plan, @RequestParam(required = false) Integer year) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(records.ofPlan(plan, year));
  }

  @ExceptionHandler(ExtensionRefusedException.class)
  ResponseEntity<Map<String, Object>> refused(ExtensionRefusedException e) {
    return ResponseEntity.status(e.status())
        .body(Map.of("status", e.status(), "message", e.getMessage()));
  }

  private static List<String> groups(Authentication caller) {
    return caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
  }

  /** A field as the form sends it: text, or nothing; a list or an object is no date or reason. */
  private static String text(Object value) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    throw ExtensionRefusedException.invalid("字段的值须为文字,收到「" + value + "」");
  }
}
