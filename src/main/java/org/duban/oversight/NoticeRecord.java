package org.duban.oversight;

import java.util.Date;
import java.util.EnumSet;
import java.util.Set;
import org.duban.names.NoticeStatus;
import org.duban.names.NoticeType;
import org.duban.names.ProcessKeys;

/** One notice as its process recorded it (history keeps it after the notice ends). */
public record NoticeRecord(
    String id,
    String planId,
    NoticeType type,
    NoticeStatus status,
    String unit,
    String unitName,
    String handler,
    String handlerName,
    String reason,
    String roundKey,
    String roundInstanceId,
    String roundTitle,
    Date issuedAt,
    String decidedBy,
    Date decidedAt,
    String supervisorGroup,
    String noticeText,
    String circulatedTo) {

  /** The notices an office circulates as a document of its own. */
  static final Set<NoticeType> DOCUMENTS =
      EnumSet.of(NoticeType.CRITICISM, NoticeType.SECOND_CRITICISM, NoticeType.COMMENDATION);

  static final Set<NoticeType> CRITICISMS =
      EnumSet.of(NoticeType.CRITICISM, NoticeType.SECOND_CRITICISM);

  public boolean issued() {
    return status == NoticeStatus.ISSUED;
  }

  /** When it took effect: the office's decision for a sanction, its creation for the rest. */
  public Date date() {
    return type.officeDecides && decidedAt != null ? decidedAt : issuedAt;
  }

  public boolean printable() {
    return issued() && DOCUMENTS.contains(type);
  }

  public boolean criticism() {
    return issued() && CRITICISMS.contains(type);
  }

  public Integer year() {
    return ProcessKeys.yearOf(roundKey);
  }
}
