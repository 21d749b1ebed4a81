package org.duban.documents;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.duban.config.DubanProperties;
import org.springframework.stereotype.Component;

/**
 * Instants as people in the plans' offices read them: in the plans' zone (Asia/Shanghai), never
 * UTC.
 */
@Component
public class LocalTimes {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter CHINESE_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final ZoneId zone;

  public LocalTimes(DubanProperties properties) {
    this.zone = properties.zone();
  }

  public ZoneId zone() {
    return zone;
  }

  /** "2025-03-31 17:00", or "" for no time. */
  public String minute(Date time) {
    return time == null ? "" : MINUTE.format(time.toInstant().atZone(zone));
  }

  /** "2025-03-31". */
  public String day(Date time) {
    return time == null ? "" : DAY.format(time.toInstant().atZone(zone));
  }

  /** "2025年3月31日", as a notice is dated. */
  public String chineseDay(Date time) {
    return time == null ? "" : CHINESE_DAY.format(time.toInstant().atZone(zone));
  }

  public LocalDate date(Date time) {
    return time.toInstant().atZone(zone).toLocalDate();
  }
}
