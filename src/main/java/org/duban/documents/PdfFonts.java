package org.duban.documents;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import org.duban.config.DubanProperties;
import org.springframework.stereotype.Component;

/**
 * The one Chinese font of every PDF the project prints (OpenPDF). An operator's TrueType font is
 * embedded (duban.documents.pdf-font); without one the PDF names Adobe's standard Chinese font
 * STSong-Light, whose metrics OpenPDF carries and which readers substitute.
 */
@Component
public class PdfFonts {

  private final BaseFont base;

  public PdfFonts(DubanProperties properties) {
    String configured = properties.documents().pdfFont();
    try {
      base =
          configured == null || configured.isBlank()
              ? BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED)
              : BaseFont.createFont(configured, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "duban.documents.pdf-font: cannot load the PDF font "
              + configured
              + ": "
              + e.getMessage(),
          e);
    }
  }

  public BaseFont base() {
    return base;
  }

  public Font body() {
    return new Font(base, 11);
  }

  public Font small() {
    return new Font(base, 9);
  }

  public Font heading() {
    return new Font(base, 18, Font.BOLD);
  }

  public Font bold() {
    return new Font(base, 11, Font.BOLD);
  }
}
