package org.duban.ownreports;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A unit's earlier reports of the task it is working on (GET /api/own-reports?taskId=…), for the
 * report form's 本单位历次报送. Behind the login of every /api endpoint; see {@link OwnReports} for who
 * gets what.
 */
@RestController
public class OwnReportsController {

  private final IdentityService identity;
  private final OwnReports reports;

  public OwnReportsController(IdentityService identity, OwnReports reports) {
    this.identity = identity;
    this.reports = reports;
  }

  @GetMapping("/api/own-reports")
  public ResponseEntity<?> ownReports(@RequestParam String taskId) {
    OwnReports.Answer answer =
        reports.of(taskId, identity.getCurrentAuthentication().getGroupIds());
    if (answer.refusal() == OwnReports.Refusal.NOT_FOUND) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(Map.of("status", 404, "message", "没有这个待办任务"));
    }
    if (answer.refusal() == OwnReports.Refusal.NOT_YOUR_UNIT) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .body(Map.of("status", 403, "message", "只能查看本单位的报送记录:该任务不属于您所在的单位"));
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer.reports());
  }
}
