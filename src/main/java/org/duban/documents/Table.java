package org.duban.documents;

import java.util.List;

/**
 * A table as offices export it: Chinese column headings and rows of plain values (text, numbers,
 * already formatted dates). One shape for Excel, CSV and the tables of a PDF.
 */
public record Table(String title, List<String> headers, List<List<Object>> rows) {

  public Table {
    headers = List.copyOf(headers);
    rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(row)).toList();
    for (List<Object> row : rows) {
      if (row.size() != headers.size()) {
        throw new IllegalArgumentException(
            "table "
                + title
                + ": a row has "
                + row.size()
                + " cells for "
                + headers.size()
                + " headers");
      }
    }
  }
}
