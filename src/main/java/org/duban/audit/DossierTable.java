package org.duban.audit;

import java.util.ArrayList;
import java.util.List;
import org.duban.audit.RoundDossier.Evidence;
import org.duban.audit.RoundDossier.NoticeEntry;
import org.duban.audit.RoundDossier.ReportVersion;
import org.duban.audit.RoundDossier.Step;
import org.duban.delivery.DeliveryRecord;
import org.duban.documents.Table;
import org.duban.extension.ExtensionRecord;

/**
 * A dossier as one flat table for machines (CSV): a row per step, filed report, evidence file and
 * notice and delivery of each round, told apart by 类别.
 */
final class DossierTable {

  static final List<String> HEADERS =
      List.of(
          "业务编号", "轮次", "类别", "名称", "单位", "办理人", "开始/报送时间", "完成时间", "期限", "是否逾期", "状态/结论", "内容",
          "SHA-256");

  private DossierTable() {}

  static Table of(DossierExport export) {
    List<List<Object>> rows = new ArrayList<>();
    for (RoundDossier dossier : export.rounds()) {
      RoundSummary round = dossier.round();
      String key = round.businessKey();
      String title = round.title() == null ? "" : round.title();
      for (Step s : dossier.steps()) {
        rows.add(
            row(
                key,
                title,
                "办理步骤",
                s.name(),
                "",
                s.handler(),
                s.startTime(),
                s.endTime(),
                s.dueDate(),
                s.late() ? "逾期" : "",
                s.status(),
                decisions(s),
                ""));
      }
      for (ReportVersion r : dossier.reports()) {
        rows.add(
            row(
                key,
                title,
                "单位报送",
                r.stageLabel() + " 第" + r.version() + "版" + (r.current() ? "" : "(已退回)"),
                r.unitName(),
                r.submittedBy(),
                r.submittedAt(),
                "",
                r.dueDate(),
                r.onTime() ? "" : "逾期",
                r.completionStatusLabel(),
                r.progress(),
                ""));
      }
      for (Evidence e : dossier.evidence()) {
        rows.add(
            row(
                key,
                title,
                "佐证材料",
                e.fileName(),
                e.unitName(),
                "",
                "",
                "",
                "",
                "",
                e.mediaType(),
                e.size() + " 字节",
                e.sha256()));
      }
      for (NoticeEntry n : dossier.notices()) {
        rows.add(
            row(
                key,
                title,
                "通报提醒",
                n.typeLabel(),
                n.unitName(),
                n.handler(),
                n.issuedAt(),
                n.decidedAt(),
                "",
                "",
                n.statusLabel(),
                n.reason(),
                ""));
      }
      for (ExtensionRecord x : dossier.extensions()) {
        rows.add(
            row(
                key,
                title,
                "延期申请",
                "拟由 " + x.currentDue() + " 延至 " + x.proposedDue(),
                x.unitName(),
                x.requestedByName(),
                x.requestedAt(),
                x.decidedAt(),
                x.currentDue(),
                "",
                x.statusLabel() + (x.decidedByName() == null ? "" : "(" + x.decidedByName() + ")"),
                "理由:" + x.reason() + (x.outcomeNote() == null ? "" : ";" + x.outcomeNote()),
                ""));
      }
      for (DeliveryRecord m : dossier.deliveries()) {
        rows.add(
            row(
                key,
                title,
                "送达记录",
                m.eventLabel() + " · " + m.channelLabel(),
                m.recipientName(),
                "",
                m.queuedAt(),
                m.deliveredAt(),
                "",
                "",
                m.statusLabel() + "(尝试 " + m.attempts().size() + " 次)",
                m.subject(),
                ""));
      }
    }
    return new Table(export.title(), HEADERS, rows);
  }

  private static String decisions(Step step) {
    List<String> parts = new ArrayList<>();
    step.decisions().forEach((k, v) -> parts.add(k + ":" + v));
    return String.join(";", parts);
  }

  private static List<Object> row(Object... cells) {
    List<Object> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(cell == null ? "" : cell);
    }
    return row;
  }
}
