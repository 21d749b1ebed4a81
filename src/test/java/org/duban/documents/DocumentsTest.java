package org.duban.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.config.DubanProperties;
import org.duban.testsupport.PdfText;
import org.junit.jupiter.api.Test;

class DocumentsTest {

  private final Table ledger =
      new Table(
          "逾期台账",
          List.of("单位", "逾期天数", "说明"),
          List.of(
              List.<Object>of("市公安局", 12, "含逗号,和\"引号\""),
              List.<Object>of("市市场监督管理局", 3, "第二行\n换行")));

  @Test
  void csvStartsWithTheByteOrderMarkAndQuotesWhatNeedsIt() throws Exception {
    byte[] csv = TableExport.csv(ledger);

    assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    List<CSVRecord> records = CSVFormat.EXCEL.parse(new StringReader(text)).getRecords();
    assertThat(records).hasSize(3);
    assertThat(records.get(0).toList()).containsExactly("单位", "逾期天数", "说明");
    assertThat(records.get(1).toList()).containsExactly("市公安局", "12", "含逗号,和\"引号\"");
    assertThat(records.get(2).get(2)).isEqualTo("第二行\n换行");
  }

  @Test
  void csvNeverHandsASpreadsheetAFormula() throws Exception {
    Table hostile =
        new Table(
            "逾期台账",
            List.of("经办人员", "逾期天数"),
            List.of(
                List.<Object>of("=HYPERLINK(\"http://evil\",\"张伟\")", -3),
                List.<Object>of("@SUM(A1)", 0),
                List.<Object>of("+1", 1)));
    byte[] csv = TableExport.csv(hostile);
    String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    List<CSVRecord> records = CSVFormat.EXCEL.parse(new StringReader(text)).getRecords();
    assertThat(records.get(1).toList())
        .containsExactly("'=HYPERLINK(\"http://evil\",\"张伟\")", "-3");
    assertThat(records.get(2).get(0)).isEqualTo("'@SUM(A1)");
    assertThat(records.get(3).get(0)).isEqualTo("'+1");
  }

  @Test
  void xlsxKeepsNumbersAsNumbersAndTheHeadingRow() throws Exception {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(TableExport.xlsx(ledger)))) {
      Sheet sheet = book.getSheet("逾期台账");
      assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("逾期天数");
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("市公安局");
      assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(12.0);
      assertThat(sheet.getLastRowNum()).isEqualTo(2);
    }
  }

  @Test
  void aRowOfTheWrongWidthIsRefusedByName() {
    assertThatThrownBy(() -> new Table("台账", List.of("a", "b"), List.of(List.<Object>of("x"))))
        .hasMessageContaining("台账")
        .hasMessageContaining("1 cells for 2 headers");
  }

  @Test
  void pdfTextInChineseCanBeReadBack() throws Exception {
    PdfFonts fonts = new PdfFonts(properties(null));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document();
    PdfWriter.getInstance(document, out);
    document.open();
    document.add(new Paragraph("关于市公安局的通报批评", fonts.heading()));
    document.close();

    assertThat(PdfText.of(out.toByteArray())).contains("关于市公安局的通报批评");
  }

  /** An operator's TrueType collection, where this machine has one (Debian's fonts-wqy-zenhei). */
  @Test
  void aConfiguredFontIsEmbeddedAndItsTextReadBack() throws Exception {
    String collection = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.nio.file.Files.isReadable(java.nio.file.Path.of(collection)), "no " + collection);
    PdfFonts fonts = new PdfFonts(properties(collection + ",0"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document();
    PdfWriter.getInstance(document, out);
    document.open();
    document.add(new Paragraph("关于市公安局的通报表扬", fonts.heading()));
    document.close();

    assertThat(fonts.base().isEmbedded()).isTrue();
    assertThat(PdfText.of(out.toByteArray())).contains("关于市公安局的通报表扬");
  }

  @Test
  void aMissingPdfFontIsNamedInTheError() {
    assertThatThrownBy(() -> new PdfFonts(properties("/nowhere/font.ttf")))
        .hasMessageContaining("duban.documents.pdf-font")
        .hasMessageContaining("/nowhere/font.ttf");
  }

  @Test
  void timesAreReadInThePlansZone() {
    LocalTimes times = new LocalTimes(properties(null));
    Date utcMidnight = Date.from(java.time.Instant.parse("2025-03-31T16:30:00Z"));

    assertThat(times.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(times.minute(utcMidnight)).isEqualTo("2025-04-01 00:30");
    assertThat(times.chineseDay(utcMidnight)).isEqualTo("2025年4月1日");
    assertThat(times.minute(null)).isEmpty();
  }

  private static DubanProperties properties(String pdfFont) {
    return new DubanProperties(
        null, null, null, null, null, null, new DubanProperties.Documents(pdfFont), null, null);
  }
}
