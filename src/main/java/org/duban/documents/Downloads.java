package org.duban.documents;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A generated document as the browser should treat it: a download with its Chinese file name. */
public final class Downloads {

  public static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  public static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  private Downloads() {}

  public static ResponseEntity<byte[]> attachment(String fileName, MediaType type, byte[] body) {
    return respond(fileName, type, body, ContentDisposition.attachment());
  }

  /** Shown in the browser's own viewer (a PDF to print), still with its name for saving. */
  public static ResponseEntity<byte[]> inline(String fileName, MediaType type, byte[] body) {
    return respond(fileName, type, body, ContentDisposition.inline());
  }

  public static ResponseEntity<byte[]> xlsx(String baseName, Table table) {
    return attachment(baseName + ".xlsx", XLSX, TableExport.xlsx(table));
  }

  public static ResponseEntity<byte[]> csv(String baseName, Table table) {
    return attachment(baseName + ".csv", CSV, TableExport.csv(table));
  }

  private static ResponseEntity<byte[]> respond(
      String fileName, MediaType type, byte[] body, ContentDisposition.Builder disposition) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            disposition.filename(fileName, StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        // records of named people: no shared cache keeps a copy
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(body);
  }
}
