package org.duban.oversight;

import java.util.ArrayList;
import java.util.List;
import org.duban.catalog.ReportPeriod;
import org.duban.documents.Table;

/** The ledger and the register as the offices export them, Chinese headings. */
final class OversightTables {

  private OversightTables() {}

  static Table ledger(List<LedgerRow> rows) {
    List<List<Object>> lines = new ArrayList<>();
    for (LedgerRow r : rows) {
      lines.add(
          List.of(
              r.planTitle(),
              r.taskNumber() + " " + r.taskTitle(),
              r.year() == null ? "" : r.year(),
              r.unitName(),
              r.handlerName() == null ? "" : r.handlerName(),
              r.due(),
              r.daysOverdue(),
              r.rung(),
              r.proposals(),
              r.periodLabel() != null
                  ? r.periodLabel()
                  : r.year() == null ? "" : ReportPeriod.YEAR.title(r.year())));
    }
    // the period last: the columns before it keep their places for those who read them so
    return new Table(
        "逾期台账",
        List.of("规划", "任务", "年度", "责任单位", "经办人员", "截止日期", "逾期天数", "已到催办环节", "待督办单位处理的拟处理意见", "报送期"),
        lines);
  }

  static Table register(List<RegisterRow> rows) {
    List<List<Object>> lines = new ArrayList<>();
    for (RegisterRow r : rows) {
      lines.add(
          java.util.Arrays.asList(
              r.date(),
              r.typeLabel(),
              r.statusLabel(),
              nz(r.unitName()),
              nz(r.handlerName()),
              nz(r.task()),
              r.year() == null ? "" : r.year(),
              nz(r.reason()),
              nz(r.issuedBy())));
    }
    return new Table(
        "通报登记簿", List.of("日期", "类别", "状态", "单位", "经办人员", "任务", "年度", "事由", "发出单位"), lines);
  }

  private static Object nz(String value) {
    return value == null ? "" : value;
  }
}
