package org.duban.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.duban.targets.TargetResult;
import org.junit.jupiter.api.Test;

/** The evaluation's target table hands a spreadsheet no formula, whatever a catalog names. */
class EvaluationCsvTest {

  @Test
  void aCatalogTextThatLooksLikeAFormulaStaysText() throws Exception {
    TargetResult result =
        new TargetResult(
            "=HYPERLINK(\"http://evil\",\"专利\")",
            "件",
            "不低于",
            2026,
            new BigDecimal("5.2"),
            2026,
            new BigDecimal("6"),
            new BigDecimal("-0.8"),
            "MISSED",
            "未达标");
    byte[] csv =
        TargetRecord.csv(List.of(new TargetRecord.Line("一.3", "@SUM(A1)", "+市知识产权局", result)));
    String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    List<CSVRecord> records = CSVFormat.EXCEL.parse(new StringReader(text)).getRecords();
    CSVRecord row = records.get(1);
    assertThat(row.get(0)).isEqualTo("'=HYPERLINK(\"http://evil\",\"专利\")");
    assertThat(row.get(4)).isEqualTo("'@SUM(A1)");
    assertThat(row.get(5)).isEqualTo("'+市知识产权局");
    assertThat(row.get(10)).as("numbers stay numbers").isEqualTo("-0.8");
  }
}
