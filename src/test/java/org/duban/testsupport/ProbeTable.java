package org.duban.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Probes in the access matrix's style: each row says what was tried, what must come back and what
 * did. The table is printed (it documents the behaviour), then every row must hold.
 */
public final class ProbeTable {

  private final String title;
  private final List<String[]> rows = new ArrayList<>();

  public ProbeTable(String title) {
    this.title = title;
  }

  /** Records one probe; an exception is the probe's answer, not the test's end. */
  public ProbeTable probe(String probe, Object expected, Supplier<Object> actual) {
    String got;
    try {
      got = String.valueOf(actual.get());
    } catch (RuntimeException e) {
      got = "error: " + e;
    }
    rows.add(new String[] {probe, String.valueOf(expected), got});
    return this;
  }

  /** Prints the table and fails on the first row whose answer differs. */
  public void check() {
    StringBuilder out =
        new StringBuilder("\n" + title + "\n\n| probe | expected | actual |\n|---|---|---|\n");
    for (String[] row : rows) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    System.out.println(out);
    assertThat(
            rows.stream()
                .filter(row -> !row[1].equals(row[2]))
                .map(row -> row[0] + ": " + row[2])
                .toList())
        .as("probes whose answer differs from the expected one")
        .isEmpty();
  }
}
