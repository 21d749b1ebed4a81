package org.duban.planimport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.duban.catalog.CatalogException;
import org.duban.identity.UnitDirectory;
import org.duban.importer.CatalogYamlWriter;
import org.duban.importer.Drafts;
import org.duban.importer.ImportProblem;
import org.duban.importer.ImportResult;
import org.duban.importer.PlanImporter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A supervisor brings in a new plan without writing YAML by hand: upload the document's text and
 * get a draft catalog with the problems found (preview), review it, then deploy the catalog. Open
 * to coordinating offices and administrators only.
 */
@RestController
public class PlanImportController {

  private final IdentityService identity;
  private final UnitDirectory directory;
  private final PlanPublication publication;

  public PlanImportController(
      IdentityService identity, UnitDirectory directory, PlanPublication publication) {
    this.identity = identity;
    this.directory = directory;
    this.publication = publication;
  }

  /**
   * Preview: plan document text → draft catalog YAML, with every problem and its line. 200 with a
   * draft whenever the document has recognisable tasks (warnings and placeholders included), 400
   * only when there is nothing to draft.
   */
  @PostMapping(path = "/api/plans/import", consumes = MediaType.TEXT_PLAIN_VALUE)
  public ResponseEntity<Map<String, Object>> preview(
      @RequestParam(name = "source", defaultValue = "upload.txt") String source,
      @RequestBody String text) {
    if (!publisher().maySupervise()) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    return preview(source, new PlanImporter().importText(source, text));
  }

  /** The preview's answer to one import: 400 only when there is nothing to draft. */
  static ResponseEntity<Map<String, Object>> preview(String source, ImportResult result) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("source", source);
    body.put("problems", result.problems().stream().map(p -> problem(source, p)).toList());
    if (result.hasErrors()) {
      return ResponseEntity.badRequest().body(body);
    }
    // a document with recognisable tasks always gives a draft to review, as the import command
    // does: what it does not say is a placeholder or a warning, and the answer says what stops
    // deploying it as it is
    String catalog = new CatalogYamlWriter().write(result);
    String undeployable = Drafts.whyNotDeployable(source + " (imported catalog)", catalog);
    body.put("tasks", result.tasks().size());
    body.put("warnings", result.problems().size());
    body.put("deployable", undeployable == null);
    if (undeployable != null) {
      body.put("notDeployable", undeployable);
    }
    body.put("catalog", catalog);
    return ResponseEntity.ok(body);
  }

  /**
   * Deploy: a reviewed catalog (YAML) → validated, deployed, its units seeded, kept for restarts.
   */
  @PostMapping(
      path = "/api/plans",
      consumes = {"application/yaml", "application/x-yaml", MediaType.TEXT_PLAIN_VALUE})
  public ResponseEntity<Object> deploy(
      @RequestParam(name = "file", defaultValue = "upload.yaml") String file,
      @RequestBody String yaml) {
    Publisher publisher = publisher();
    if (!publisher.maySupervise()) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    Authentication caller = identity.getCurrentAuthentication();
    identity
        .clearAuthentication(); // deploying and seeding are the system's acts once the caller is
    // let in
    try {
      PlanPublication.Published published = publication.publish(file, yaml, publisher);
      return ResponseEntity.status(published.unchanged() ? HttpStatus.OK : HttpStatus.CREATED)
          .body(published);
    } catch (CatalogException e) {
      return ResponseEntity.badRequest()
          .body(
              Map.of(
                  "file",
                  e.file(),
                  "line",
                  e.line(),
                  "field",
                  e.field(),
                  "message",
                  e.getMessage()));
    } catch (PlanRefusedException e) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .body(Map.of("file", file, "message", e.getMessage()));
    } finally {
      identity.setAuthentication(caller);
    }
  }

  /**
   * The caller as a publisher: the coordinating offices among their groups, and whether they
   * administer.
   */
  private Publisher publisher() {
    Authentication caller = identity.getCurrentAuthentication();
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    Set<String> offices =
        directory.offices().stream()
            .map(UnitDirectory.Entry::id)
            .filter(groups::contains)
            .collect(java.util.stream.Collectors.toSet());
    return new Publisher(caller.getUserId(), offices, groups.contains(Groups.CAMUNDA_ADMIN));
  }

  private static Map<String, Object> problem(String source, ImportProblem p) {
    return Map.of("severity", p.severity().name(), "line", p.line(), "message", p.format(source));
  }
}
