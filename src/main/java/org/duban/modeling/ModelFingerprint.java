package org.duban.modeling;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.xml.ModelInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What a plan's models are built from, as one SHA-256: the catalog file's text, the settings the
 * factories take, the forms and the notice template, and the code that builds them. The code is
 * every class of the application ({@code org/duban/**}.class, as loaded from the classpath) and the
 * versions of the Camunda model and engine and of Java, which write the XML: any change to any of
 * them changes the fingerprint, so at worst a restart builds the models again and the engine's
 * duplicate filtering finds them unchanged.
 */
final class ModelFingerprint {

  private static volatile String code;

  private ModelFingerprint() {}

  static String of(String code, String planId, String catalogText, String... settings) {
    MessageDigest digest = sha256();
    field(digest, code);
    field(digest, planId);
    field(digest, catalogText);
    for (String setting : settings) {
      field(digest, setting);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The fingerprint of the code and fixed resources, computed once per JVM. */
  static String code(Map<String, byte[]> forms, String noticeTemplate) {
    String known = code;
    if (known == null) {
      known = computeCode(forms, noticeTemplate);
      code = known;
    }
    return known;
  }

  private static String computeCode(Map<String, byte[]> forms, String noticeTemplate) {
    MessageDigest digest = sha256();
    field(digest, "java " + System.getProperty("java.version"));
    field(digest, "camunda-bpmn-model " + Bpmn.class.getPackage().getImplementationVersion());
    field(
        digest, "camunda-xml-model " + ModelInstance.class.getPackage().getImplementationVersion());
    field(digest, "camunda-engine " + ProcessEngine.class.getPackage().getImplementationVersion());
    // by path inside the classpath root, not by URL: the same build gives the same fingerprint
    // wherever the jar lies
    Map<String, Resource> classes = new TreeMap<>();
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    try {
      for (Resource resource : resolver.getResources("classpath*:org/duban/**/*.class")) {
        String url = resource.getURL().toString();
        String path = url.substring(url.lastIndexOf("org/duban/"));
        // a class twice on the classpath (main and test classes): both count
        while (classes.containsKey(path)) {
          path = path + "+";
        }
        classes.put(path, resource);
      }
      if (classes.isEmpty()) {
        throw new IllegalStateException("no class of org.duban found on the classpath");
      }
      for (Map.Entry<String, Resource> entry : classes.entrySet()) {
        field(digest, entry.getKey());
        try (InputStream in = entry.getValue().getInputStream()) {
          field(digest, in.readAllBytes());
        }
      }
      field(digest, noticeTemplate);
      try (InputStream in = resolver.getResource("classpath:" + noticeTemplate).getInputStream()) {
        field(digest, in.readAllBytes());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the application's classes", e);
    }
    new TreeMap<>(forms)
        .forEach(
            (name, bytes) -> {
              field(digest, name);
              field(digest, bytes);
            });
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void field(MessageDigest digest, String value) {
    field(digest, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
  }

  /** Length first, so that no two different lists of fields give the same bytes. */
  private static void field(MessageDigest digest, byte[] bytes) {
    digest.update(
        new byte[] {
          (byte) (bytes.length >>> 24),
          (byte) (bytes.length >>> 16),
          (byte) (bytes.length >>> 8),
          (byte) bytes.length
        });
    digest.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
