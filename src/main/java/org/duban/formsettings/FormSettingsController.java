package org.duban.formsettings;

import org.duban.evidence.EvidencePolicy;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The server's rules as the Tasklist forms render them (evidence fields, their limits and help
 * text, the choices of the selects). Read-only; behind the login of every /api endpoint.
 */
@RestController
public class FormSettingsController {

  private final FormSettings settings;

  public FormSettingsController(EvidencePolicy evidence) {
    this.settings = FormSettings.of(evidence);
  }

  @GetMapping("/api/forms/settings")
  public ResponseEntity<FormSettings> settings() {
    // settings change only with a restart; a form opened after one must not use a cached copy
    return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(settings);
  }
}
