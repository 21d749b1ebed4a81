package org.duban.evaluation;

import java.util.EnumMap;
import java.util.Map;
import org.duban.names.NoticeType;

/** One unit's record over the evaluated rounds: reports on time and late, missing, and notices. */
final class UnitRecord {

  final String unit;
  final String unitName;
  int rounds;
  int onTime;
  int late;
  int missing;
  final Map<NoticeType, Integer> notices = new EnumMap<>(NoticeType.class);

  UnitRecord(String unit, String unitName) {
    this.unit = unit;
    this.unitName = unitName;
  }

  void notice(NoticeType type) {
    notices.merge(type, 1, Integer::sum);
  }

  int notices(NoticeType type) {
    return notices.getOrDefault(type, 0);
  }
}
