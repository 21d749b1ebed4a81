package org.duban.evidence;

import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves an evidence file from history, where the engine keeps it byte for byte, with its SHA-256
 * so an auditor can compare it with the fingerprint recorded in the report. Always as a download of
 * the type detected on upload, so a browser never renders or sniffs it as a page.
 */
@RestController
public class EvidenceController {

  public static final String SHA256_HEADER = "X-Content-SHA256";

  private final HistoryService history;
  private final IdentityService identity;
  private final EvidenceAccess access;

  public EvidenceController(
      HistoryService history, IdentityService identity, EvidenceAccess access) {
    this.history = history;
    this.identity = identity;
    this.access = access;
  }

  @GetMapping("/api/evidence/{variableId}")
  public ResponseEntity<byte[]> download(@PathVariable String variableId) throws IOException {
    Authentication user = identity.getCurrentAuthentication();
    // looked up without the caller's authorizations: access is decided by EvidenceAccess below
    identity.clearAuthentication();
    try {
      HistoricVariableInstance file =
          history
              .createHistoricVariableInstanceQuery()
              .variableId(variableId)
              .includeDeleted()
              .singleResult();
      if (file == null
          || !(file.getTypedValue() instanceof FileValue value)
          || value.getFilename() == null) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
      }
      EvidenceAccess.Filed filed = access.filed(file).orElse(null);
      if (filed == null) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
      }
      if (!access.mayRead(user.getGroupIds(), filed)) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
      }
      byte[] bytes;
      try (InputStream in = value.getValue()) {
        bytes = in.readAllBytes();
      }
      return ResponseEntity.ok()
          // the type detected when the report was accepted, never the one the uploader claimed
          .contentType(mediaType(filed.mediaType()))
          .header("X-Content-Type-Options", "nosniff")
          .header(
              HttpHeaders.CONTENT_DISPOSITION,
              ContentDisposition.attachment()
                  .filename(value.getFilename(), java.nio.charset.StandardCharsets.UTF_8)
                  .build()
                  .toString())
          .header(SHA256_HEADER, EvidencePolicy.sha256(bytes))
          .body(bytes);
    } finally {
      identity.setAuthentication(user);
    }
  }

  private static MediaType mediaType(String mime) {
    try {
      return mime == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(mime);
    } catch (IllegalArgumentException e) {
      return MediaType.APPLICATION_OCTET_STREAM;
    }
  }
}
