package org.duban.catalog;

/**
 * A catalog that cannot be used. The message always says where: file, line and field, so that a
 * reviewer can go straight to the spot.
 */
public class CatalogException extends RuntimeException {

  private final String file;
  private final int line;
  private final String field;

  public CatalogException(String file, int line, String field, String problem) {
    this(file, line, field, problem, null);
  }

  public CatalogException(String file, int line, String field, String problem, Throwable cause) {
    super(
        file
            + (line > 0 ? ":" + line : "")
            + (field == null || field.isEmpty() ? "" : " [" + field + "]")
            + ": "
            + problem,
        cause);
    this.file = file;
    this.line = line;
    this.field = field;
  }

  /** A problem found after reading {@code text}: the line is that of {@code field} in it. */
  public static CatalogException at(String file, String text, String field, String problem) {
    return new CatalogException(file, new YamlLineIndex(text).lineOf(field), field, problem);
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public String field() {
    return field;
  }
}
