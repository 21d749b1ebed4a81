package org.duban.oversight;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import org.duban.catalog.PlanCatalog;
import org.duban.documents.LocalTimes;
import org.duban.documents.PdfFonts;
import org.duban.names.NoticeType;
import org.springframework.stereotype.Component;

/**
 * An issued 通报批评 or 通报表扬 as the office circulates it: a one-page notice with heading, the units it
 * goes to, what the unit did, the office as signatory and the date (OpenPDF).
 */
@Component
public class NoticeDocument {

  private final PdfFonts fonts;
  private final LocalTimes times;

  public NoticeDocument(PdfFonts fonts, LocalTimes times) {
    this.fonts = fonts;
    this.times = times;
  }

  /** "关于对市公安局的通报批评", and the file is named the same. */
  public static String heading(NoticeRecord notice) {
    return switch (notice.type()) {
      case COMMENDATION -> "关于对" + notice.unitName() + "予以通报表扬的通报";
      case SECOND_CRITICISM -> "关于对" + notice.unitName() + "的再次通报批评";
      default -> "关于对" + notice.unitName() + "的通报批评";
    };
  }

  public byte[] pdf(NoticeRecord notice, PlanCatalog plan) {
    String office = plan.plan().coordinatingOffice().name();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 72, 72, 72, 72);
    try {
      PdfWriter.getInstance(document, out);
      document.addTitle(heading(notice));
      document.addCreator("Duban 督办");
      document.open();
      Paragraph title = new Paragraph(heading(notice), fonts.heading());
      title.setAlignment(Element.ALIGN_CENTER);
      title.setSpacingBefore(24);
      title.setSpacingAfter(18);
      document.add(title);
      String to = notice.circulatedTo() == null ? "各有关单位" : notice.circulatedTo();
      document.add(new Paragraph(to + ":", fonts.body()));
      document.add(paragraph(body(notice, plan)));
      if (notice.noticeText() != null && !notice.noticeText().isBlank()) {
        document.add(paragraph(notice.noticeText()));
      }
      document.add(
          paragraph(
              notice.type() == NoticeType.COMMENDATION
                  ? "希望受表扬单位再接再厉,各有关单位以先进为榜样,认真落实规划各项任务。"
                  : "请该单位认真查找原因,立即整改,尽快报送;各有关单位引以为戒,按时报送工作进展。"));
      Paragraph signature = new Paragraph(office, fonts.body());
      signature.setAlignment(Element.ALIGN_RIGHT);
      signature.setSpacingBefore(36);
      document.add(signature);
      Paragraph date = new Paragraph(times.chineseDay(notice.date()), fonts.body());
      date.setAlignment(Element.ALIGN_RIGHT);
      document.add(date);
      // the record behind the document, for whoever checks a printed copy against the system
      Paragraph record = new Paragraph("督办系统通报记录编号:" + notice.id(), fonts.small());
      record.setSpacingBefore(48);
      document.add(record);
    } catch (DocumentException e) {
      throw new IllegalStateException("cannot print notice " + notice.id(), e);
    } finally {
      document.close();
    }
    return out.toByteArray();
  }

  private String body(NoticeRecord notice, PlanCatalog plan) {
    String task = notice.roundTitle() == null ? "" : "「" + notice.roundTitle() + "」";
    String handler =
        notice.handlerName() == null || notice.handlerName().isBlank()
            ? ""
            : "(经办人员:" + notice.handlerName() + ")";
    String verdict =
        notice.type() == NoticeType.COMMENDATION
            ? ",现予以通报表扬。"
            : notice.type() == NoticeType.SECOND_CRITICISM ? ",现予以再次通报批评。" : ",现予以通报批评。";
    return "在《"
        + plan.plan().title()
        + "》任务"
        + task
        + "的年度督办中,"
        + notice.unitName()
        + handler
        + ":"
        + notice.reason()
        + verdict;
  }

  private Paragraph paragraph(String text) {
    Paragraph p = new Paragraph(text, fonts.body());
    p.setFirstLineIndent(22);
    p.setLeading(20);
    p.setSpacingBefore(6);
    return p;
  }
}
