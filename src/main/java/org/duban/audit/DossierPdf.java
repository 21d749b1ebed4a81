package org.duban.audit;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.duban.audit.RoundDossier.Evidence;
import org.duban.audit.RoundDossier.NoticeEntry;
import org.duban.audit.RoundDossier.Operation;
import org.duban.audit.RoundDossier.ReportVersion;
import org.duban.audit.RoundDossier.Step;
import org.duban.delivery.DeliveryRecord;
import org.duban.documents.PdfFonts;
import org.duban.extension.ExtensionRecord;
import org.springframework.stereotype.Component;

/**
 * A dossier printed for people (OpenPDF): per round its facts, the steps, each filed report, the
 * evidence with its SHA-256 and the notices, with when and by whom it was exported on every round.
 */
@Component
class DossierPdf {

  private final PdfFonts fonts;

  DossierPdf(PdfFonts fonts) {
    this.fonts = fonts;
  }

  byte[] print(DossierExport export) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 36, 36, 40, 40);
    PdfWriter.getInstance(document, out);
    document.addTitle(export.title());
    document.open();
    if (export.rounds().isEmpty()) {
      document.add(new Paragraph(export.title(), fonts.heading()));
      document.add(exported(export));
      document.add(new Paragraph("没有符合条件的轮次。", fonts.body()));
    }
    boolean first = true;
    for (RoundDossier dossier : export.rounds()) {
      if (!first) {
        document.newPage();
      }
      first = false;
      round(document, export, dossier);
    }
    document.close();
    return out.toByteArray();
  }

  private void round(Document document, DossierExport export, RoundDossier dossier) {
    RoundSummary r = dossier.round();
    Paragraph title =
        new Paragraph("审计档案:" + (r.title() == null ? r.businessKey() : r.title()), fonts.heading());
    title.setAlignment(Element.ALIGN_CENTER);
    title.setSpacingAfter(8);
    document.add(title);
    document.add(exported(export));
    PdfPTable facts = table(new float[] {1, 3, 1, 3});
    cells(facts, fonts.body(), "业务编号", r.businessKey(), "规划", r.planId());
    cells(facts, fonts.body(), "任务", r.taskNumber(), "年度", String.valueOf(r.year()));
    cells(facts, fonts.body(), "牵头单位", r.leadUnitName(), "状态", r.stateLabel());
    cells(
        facts,
        fonts.body(),
        "办理结果",
        r.outcomeLabel(),
        "开始 / 结束",
        r.startTime() + " / " + r.endTime());
    facts.setSpacingAfter(6);
    document.add(facts);

    section(document, "一、办理步骤(系统自动步骤见 JSON/CSV 导出)");
    PdfPTable steps = table(new float[] {4, 2, 2, 2, 2, 1, 3});
    header(steps, "步骤", "办理人", "开始", "完成", "期限", "逾期", "结论 / 理由");
    for (Step s : Step.forPeople(dossier.steps())) {
      StringBuilder decided = new StringBuilder();
      s.decisions().forEach((k, v) -> decided.append(k).append(":").append(v).append("\n"));
      cells(
          steps,
          fonts.small(),
          s.name(),
          s.handler(),
          s.startTime(),
          s.endTime(),
          s.dueDate(),
          s.late() ? "是" : "",
          decided.toString().strip());
    }
    document.add(steps);

    section(document, "二、单位报送");
    if (dossier.reports().isEmpty()) {
      document.add(new Paragraph("尚无报送。", fonts.body()));
    }
    for (ReportVersion v : dossier.reports()) {
      Paragraph head =
          new Paragraph(
              v.unitName()
                  + "("
                  + v.stageLabel()
                  + ")第"
                  + v.version()
                  + "版"
                  + (v.current() ? "" : "(已退回)"),
              fonts.bold());
      head.setSpacingBefore(4);
      document.add(head);
      document.add(
          new Paragraph(
              "报送人:"
                  + v.submittedBy()
                  + "  报送时间:"
                  + v.submittedAt()
                  + "  期限:"
                  + v.dueDate()
                  + "  "
                  + (v.onTime() ? "按时" : "逾期")
                  + "  完成情况:"
                  + v.completionStatusLabel(),
              fonts.small()));
      document.add(
          new Paragraph("工作进展:" + (v.progress() == null ? "" : v.progress()), fonts.body()));
      if (!v.indicatorValues().isEmpty()) {
        StringBuilder indicators = new StringBuilder("指标:");
        v.indicatorValues()
            .forEach((k, val) -> indicators.append(k).append("=").append(val).append(";"));
        document.add(new Paragraph(indicators.toString(), fonts.small()));
      }
    }

    section(document, "三、佐证材料(SHA-256 为报送时记录的指纹)");
    if (dossier.evidence().isEmpty()) {
      document.add(new Paragraph("无佐证材料。", fonts.body()));
    }
    for (Evidence e : dossier.evidence()) {
      document.add(
          new Paragraph(
              e.fileName() + "(" + e.unitName() + "," + e.mediaType() + "," + e.size() + " 字节)",
              fonts.body()));
      // the hash on a line of its own, so it is never broken across lines
      document.add(new Paragraph("SHA-256:" + e.sha256(), fonts.small()));
    }

    section(document, "四、通报与提醒");
    List<NoticeEntry> notices = dossier.notices();
    if (notices.isEmpty()) {
      document.add(new Paragraph("无。", fonts.body()));
    } else {
      PdfPTable table = table(new float[] {2, 2, 2, 4, 2, 1.5f, 2});
      header(table, "类型", "单位", "经办人", "事由", "时间", "状态", "决定人");
      for (NoticeEntry n : notices) {
        cells(
            table,
            fonts.small(),
            n.typeLabel(),
            n.unitName(),
            n.handler(),
            n.reason(),
            n.issuedAt(),
            n.statusLabel(),
            n.decidedBy());
      }
      document.add(table);
    }

    section(document, "五、送达记录");
    List<DeliveryRecord> deliveries = dossier.deliveries();
    if (deliveries.isEmpty()) {
      document.add(new Paragraph("无。", fonts.body()));
    } else {
      PdfPTable table = table(new float[] {2, 1.5f, 2, 2, 1.5f, 1.5f, 2, 1});
      header(table, "入队时间", "事由", "关于", "收件单位", "渠道", "状态", "送达时间", "尝试");
      for (DeliveryRecord m : deliveries) {
        cells(
            table,
            fonts.small(),
            m.queuedAt(),
            m.eventLabel(),
            m.unitName(),
            m.recipientName(),
            m.channelLabel(),
            m.statusLabel(),
            m.deliveredAt(),
            String.valueOf(m.attempts().size()));
      }
      document.add(table);
    }

    section(document, "六、延期申请");
    List<ExtensionRecord> extensions = dossier.extensions();
    if (extensions.isEmpty()) {
      document.add(new Paragraph("无。", fonts.body()));
    } else {
      PdfPTable table = table(new float[] {1.5f, 2, 1.5f, 1.5f, 3, 1.2f, 2, 3});
      header(table, "单位", "申请时间 / 申请人", "原截止日期", "拟延至", "延期理由", "审批结果", "审批时间 / 审批人", "结果说明");
      for (ExtensionRecord x : extensions) {
        cells(
            table,
            fonts.small(),
            x.unitName(),
            x.requestedAt() + " " + nonNull(x.requestedByName()),
            x.currentDue(),
            x.proposedDue(),
            x.reason(),
            x.statusLabel(),
            x.decidedAt() == null ? "" : x.decidedAt() + " " + nonNull(x.decidedByName()),
            x.outcomeNote());
      }
      document.add(table);
    }

    section(document, "七、操作日志");
    PdfPTable log = table(new float[] {2, 2, 1.5f, 4});
    header(log, "时间", "用户", "操作", "任务");
    for (Operation o : dossier.operations()) {
      cells(log, fonts.small(), o.time(), o.userId(), o.operationLabel(), o.taskName());
    }
    document.add(log);
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }

  private Paragraph exported(DossierExport export) {
    Paragraph p =
        new Paragraph(
            "导出时间:" + export.generatedAt() + "(" + export.zone() + ")  导出人:" + export.exportedBy(),
            fonts.small());
    p.setAlignment(Element.ALIGN_CENTER);
    p.setSpacingAfter(8);
    return p;
  }

  private void section(Document document, String text) {
    Paragraph p = new Paragraph(text, fonts.bold());
    p.setSpacingBefore(10);
    p.setSpacingAfter(4);
    document.add(p);
  }

  private static PdfPTable table(float[] widths) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setHeaderRows(0);
    return table;
  }

  private void header(PdfPTable table, String... headings) {
    for (String h : headings) {
      PdfPCell cell = new PdfPCell(new Phrase(h, fonts.bold()));
      cell.setGrayFill(0.9f);
      table.addCell(cell);
    }
    table.setHeaderRows(1);
  }

  private static void cells(PdfPTable table, Font font, String... values) {
    for (String v : values) {
      table.addCell(new PdfPCell(new Phrase(new Chunk(v == null ? "" : v, font))));
    }
  }
}
