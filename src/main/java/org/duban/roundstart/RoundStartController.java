package org.duban.roundstart;

import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The round start form's choices (GET /api/forms/round-start?processDefinitionId=…). Answers only
 * for a round process the caller may start, as the engine's own authorizations decide (the query
 * runs with the caller's login, see ApiAuthenticationFilter); anything else is "not found".
 */
@RestController
public class RoundStartController {

  private final RepositoryService repository;
  private final RoundStartOptions options;

  public RoundStartController(RepositoryService repository, RoundStartOptions options) {
    this.repository = repository;
    this.options = options;
  }

  @GetMapping("/api/forms/round-start")
  public ResponseEntity<?> options(@RequestParam String processDefinitionId) {
    ProcessDefinition definition =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionId(processDefinitionId)
            .startablePermissionCheck()
            .singleResult();
    var found = definition == null ? null : options.of(definition).orElse(null);
    if (found == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(Map.of("status", 404, "message", "没有您可以启动的年度轮次流程「" + processDefinitionId + "」"));
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(found);
  }
}
