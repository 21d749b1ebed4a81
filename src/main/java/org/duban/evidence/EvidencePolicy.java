package org.duban.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.tika.Tika;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.duban.config.DubanProperties;
import org.springframework.stereotype.Component;

/**
 * What evidence a report may carry: a size cap and a list of document and image types. The type is
 * detected from the file's content (Apache Tika), so a renamed executable is not a "PDF".
 */
@Component
public class EvidencePolicy {

  /**
   * How people name each known type, and the file name extensions it comes with (for a file
   * picker).
   */
  private record Kind(String label, List<String> extensions) {}

  private static final Map<String, Kind> KINDS =
      Map.of(
          "application/pdf", new Kind("PDF", List.of(".pdf")),
          "application/ofd", new Kind("OFD", List.of(".ofd")),
          "application/msword", new Kind("Word", List.of(".doc")),
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              new Kind("Word", List.of(".docx")),
          "application/vnd.ms-excel", new Kind("Excel", List.of(".xls")),
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              new Kind("Excel", List.of(".xlsx")),
          "application/vnd.ms-powerpoint", new Kind("PowerPoint", List.of(".ppt")),
          "application/vnd.openxmlformats-officedocument.presentationml.presentation",
              new Kind("PowerPoint", List.of(".pptx")),
          "image/jpeg", new Kind("JPEG", List.of(".jpg", ".jpeg")),
          "image/png", new Kind("PNG", List.of(".png")));

  private static final long KB = 1024;
  private static final long MB = 1024 * KB;

  private final Tika tika = new Tika();
  private final long maxBytes;
  private final List<String> allowedTypes;
  private final int maxFiles;

  public EvidencePolicy(DubanProperties properties) {
    this.maxBytes = properties.evidence().maxFileSize().toBytes();
    this.allowedTypes = properties.evidence().allowedTypes();
    this.maxFiles = properties.evidence().maxFiles();
  }

  public int maxFiles() {
    return maxFiles;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Checks one uploaded file and fingerprints it; throws with field, file name and rule on
   * violation.
   */
  public EvidenceFile accept(String field, String label, FileValue file) {
    String name = file.getFilename() == null ? "(无文件名)" : file.getFilename();
    byte[] bytes = read(file);
    if (bytes.length == 0) {
      throw new EvidenceRejectedException(label + "「" + name + "」是空文件");
    }
    if (bytes.length > maxBytes) {
      throw new EvidenceRejectedException(
          label + "「" + name + "」大小 " + megabytes(bytes.length) + " 超过上限 " + maxSizeText());
    }
    String detected = detect(bytes, name);
    if (!allowedTypes.contains(detected)) {
      throw new EvidenceRejectedException(
          label + "「" + name + "」的文件类型(" + detected + ")不在允许范围内;" + "允许:" + allowedLabels());
    }
    return new EvidenceFile(field, name, detected, bytes.length, sha256(bytes), null);
  }

  /** The configured types as people name them: "PDF、OFD、Word、…". */
  public String allowedLabels() {
    return allowedTypes.stream()
        .map(t -> KINDS.containsKey(t) ? KINDS.get(t).label() : t)
        .distinct()
        .collect(Collectors.joining("、"));
  }

  /**
   * The file name extensions of the configured types, for a file field's {@code accept}:
   * ".pdf,.ofd,…". A type this class does not name takes Tika's extensions for it. Only steers the
   * file picker: the type is decided by the content on upload.
   */
  public String acceptedExtensions() {
    return allowedTypes.stream()
        .flatMap(t -> extensions(t).stream())
        .distinct()
        .collect(Collectors.joining(","));
  }

  private static List<String> extensions(String type) {
    if (KINDS.containsKey(type)) {
      return KINDS.get(type).extensions();
    }
    try {
      return MimeTypes.getDefaultMimeTypes().forName(type).getExtensions();
    } catch (MimeTypeException e) {
      return List.of();
    }
  }

  /** The size cap as people read it: "10 MB", "2.5 MB", "500 KB". */
  public String maxSizeText() {
    return size(maxBytes);
  }

  /** What the report form says about evidence, from the rules above. */
  public String helpText() {
    return "可上传 " + allowedLabels() + " 文件,每个不超过 " + maxSizeText() + ",最多 " + maxFiles + " 个。";
  }

  static String size(long bytes) {
    if (bytes >= MB) {
      return decimal(bytes / (double) MB) + " MB";
    }
    if (bytes >= KB) {
      return decimal(bytes / (double) KB) + " KB";
    }
    return bytes + " 字节";
  }

  private static String decimal(double value) {
    return new java.math.BigDecimal(value)
        .setScale(1, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  private String detect(byte[] bytes, String name) {
    String type = tika.detect(bytes, name);
    // OOXML and OFD are zip containers: tika-core alone sees only application/zip (or
    // x-tika-ooxml),
    // so a zip is accepted by its name only when the name says which container it is
    if (type.equals("application/zip") || type.equals("application/x-tika-ooxml")) {
      String byName = tika.detect(name);
      if (byName.startsWith("application/vnd.openxmlformats-officedocument.")) {
        return byName;
      }
      if (name.toLowerCase().endsWith(".ofd")) {
        return "application/ofd";
      }
    }
    if (type.equals("application/x-tika-msoffice")) {
      String byName = tika.detect(name);
      if (byName.equals("application/msword")
          || byName.equals("application/vnd.ms-excel")
          || byName.equals("application/vnd.ms-powerpoint")) {
        return byName;
      }
    }
    return type;
  }

  private static byte[] read(FileValue file) {
    try (InputStream in = file.getValue()) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read uploaded file " + file.getFilename(), e);
    }
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String sha256(InputStream in) throws IOException {
    try (DigestInputStream digest =
        new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
      digest.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(digest.getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String megabytes(long bytes) {
    return String.format("%.1f MB", bytes / 1024.0 / 1024.0);
  }
}
