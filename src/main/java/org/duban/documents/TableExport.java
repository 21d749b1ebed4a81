package org.duban.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** A {@link Table} as Excel (.xlsx, Apache POI) or CSV (Apache Commons CSV). */
public final class TableExport {

  /** Excel and WPS read a CSV as UTF-8 only when it starts with the byte order mark. */
  private static final String BOM = "\uFEFF";

  private TableExport() {}

  public static byte[] csv(Table table) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL)) {
      writer.write(BOM);
      csv.printRecord(table.headers());
      for (List<Object> row : table.rows()) {
        csv.printRecord(row.stream().map(TableExport::csvCell).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] xlsx(Table table) {
    // streaming workbook: a ledger of thousands of rows stays small in memory
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
      Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row head = sheet.createRow(0);
      for (int c = 0; c < table.headers().size(); c++) {
        Cell cell = head.createCell(c);
        cell.setCellValue(table.headers().get(c));
        cell.setCellStyle(bold);
      }
      sheet.createFreezePane(0, 1);
      int r = 1;
      for (List<Object> values : table.rows()) {
        Row row = sheet.createRow(r++);
        for (int c = 0; c < values.size(); c++) {
          Object value = values.get(c);
          Cell cell = row.createCell(c);
          if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
          } else {
            cell.setCellValue(text(value));
          }
        }
      }
      for (int c = 0; c < table.headers().size(); c++) {
        // widths by hand: autoSizeColumn needs every row in memory and the fonts of the machine
        int widest = table.headers().get(c).length() * 2;
        for (List<Object> values : table.rows()) {
          widest = Math.max(widest, displayWidth(text(values.get(c))));
        }
        sheet.setColumnWidth(c, Math.min(80, widest + 2) * 256);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Text that Excel or WPS would run as a formula (a user may name themself "=HYPERLINK(…)") is
   * kept as text with a leading apostrophe, as OWASP advises for CSV; numbers stay numbers.
   */
  private static String csvCell(Object value) {
    String text = text(value);
    return value instanceof Number ? text : inertText(text);
  }

  /** A text cell of a CSV file that Excel or WPS will not run as a formula. */
  public static String inertText(String text) {
    if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text == null ? "" : text;
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  /** Chinese characters take two columns. */
  private static int displayWidth(String text) {
    return text.codePoints().map(cp -> cp > 0x2E80 ? 2 : 1).sum();
  }
}
