package org.duban.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.duban.documents.LocalTimes;
import org.duban.evidence.EvidenceAccess;
import org.duban.evidence.EvidencePolicy;
import org.springframework.stereotype.Component;

/**
 * 校验: re-reads an evidence file's stored bytes from history, recomputes their SHA-256 and compares
 * it with the fingerprint the filed report recorded when the file was accepted. Reads only.
 */
@Component
public class EvidenceVerification {

  static final String MATCH = "一致";
  static final String MISMATCH = "不一致";

  /**
   * @param recordedSha256 what the filed report recorded on acceptance
   * @param actualSha256 what the bytes stored now hash to
   */
  public record Result(
      String variableId,
      String fileName,
      String mediaType,
      long size,
      String recordedSha256,
      String actualSha256,
      boolean match,
      String result,
      String checkedAt) {}

  private final HistoryService history;
  private final IdentityService identity;
  private final EvidenceAccess access;
  private final LocalTimes times;

  EvidenceVerification(
      HistoryService history, IdentityService identity, EvidenceAccess access, LocalTimes times) {
    this.history = history;
    this.identity = identity;
    this.access = access;
    this.times = times;
  }

  /**
   * Empty when there is no such evidence for the caller: the file must belong to a round whose
   * history the caller may read (queried with the caller's authorizations), be listed by a filed
   * report, and be one the caller may read by {@link EvidenceAccess}.
   */
  public Optional<Result> verify(String variableId) {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null) {
      return Optional.empty();
    }
    HistoricVariableInstance file =
        history
            .createHistoricVariableInstanceQuery()
            .variableId(variableId)
            .includeDeleted()
            .singleResult();
    if (file == null
        || !(file.getTypedValue() instanceof FileValue value)
        || value.getFilename() == null) {
      return Optional.empty();
    }
    EvidenceAccess.Filed filed = access.filed(file).orElse(null);
    if (filed == null || !access.mayRead(caller.getGroupIds(), filed)) {
      return Optional.empty();
    }
    byte[] bytes;
    try (InputStream in = value.getValue()) {
      bytes = in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String actual = EvidencePolicy.sha256(bytes);
    boolean match = actual.equalsIgnoreCase(filed.sha256());
    return Optional.of(
        new Result(
            file.getId(),
            value.getFilename(),
            filed.mediaType(),
            bytes.length,
            filed.sha256(),
            actual,
            match,
            match ? MATCH : MISMATCH,
            times.minute(ClockUtil.getCurrentTime())));
  }
}
