package org.duban.evidence;

/**
 * One accepted evidence file as the report records it. The SHA-256 lets an auditor check, years
 * later, that the file served from history is the one the unit submitted.
 *
 * @param field the form field it came in (evidence1, evidence2, …)
 * @param variableId the engine's variable instance id; history keeps the bytes under the same id
 */
public record EvidenceFile(
    String field, String fileName, String mediaType, long size, String sha256, String variableId) {

  public EvidenceFile withVariableId(String id) {
    return new EvidenceFile(field, fileName, mediaType, size, sha256, id);
  }
}
