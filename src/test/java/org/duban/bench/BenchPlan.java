package org.duban.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic plan as large as a province's: many tasks, each with a lead and the same number of
 * co-units, over many years, so that the open co-unit tasks of all its rounds reach the size the
 * scale issue asks for. Written as a catalog file the application loads like any other.
 */
record BenchPlan(
    String id,
    int tasks,
    int coUnitsPerTask,
    int fromYear,
    int toYear,
    String office,
    String unitPrefix,
    String unitNamePrefix) {

  static final String OFFICE = "bench-ban";

  BenchPlan(String id, int tasks, int coUnitsPerTask, int fromYear, int toYear) {
    this(id, tasks, coUnitsPerTask, fromYear, toYear, OFFICE, "bench-danwei", "基准单位");
  }

  String file() {
    List<String> lines = new ArrayList<>();
    lines.add("plan:");
    lines.add("  id: " + id);
    lines.add("  government: bench");
    lines.add("  city: 基准");
    lines.add("  title: 基准市知识产权规模测试方案");
    lines.add("  issuer: 基准市人民政府");
    lines.add("  issued: " + fromYear + "-01-01");
    lines.add("  period:");
    lines.add("    from: " + fromYear);
    lines.add("    to: " + toYear);
    lines.add("  coordinatingOffice:");
    lines.add("    id: " + office);
    lines.add("    name: 基准市知识产权办公室" + (office.equals(OFFICE) ? "" : "(" + id + ")"));
    lines.add("  responsibility: LEAD_FIRST");
    lines.add("calendar:");
    lines.add("  roundStarts: \"01-01\"");
    lines.add("  reportDue: \"12-15\"");
    lines.add("  coUnitLeadTime: P10D");
    lines.add("  reworkTime: P10D");
    lines.add("units:");
    for (int u = 0; u <= coUnitsPerTask; u++) {
      lines.add("  - id: " + unitPrefix + u);
      lines.add("    name: " + unitNamePrefix + u);
    }
    lines.add("tasks:");
    for (int t = 1; t <= tasks; t++) {
      lines.add("  - number: \"一." + t + "\"");
      lines.add("    title: 规模任务" + t);
      lines.add("    text: 第" + t + "项规模测试任务。");
      lines.add("    lead: " + unitNamePrefix + "0");
      lines.add("    coUnits:");
      for (int u = 1; u <= coUnitsPerTask; u++) {
        lines.add("      - " + unitNamePrefix + u);
      }
    }
    return String.join("\n", lines) + "\n";
  }

  Path writeInto(Path dir) throws IOException {
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve(id + ".yaml"), file(), StandardCharsets.UTF_8);
  }

  /** The id of the n-th co-unit of every task (1-based). */
  String coUnit(int n) {
    return unitPrefix + n;
  }

  int years() {
    return toYear - fromYear + 1;
  }

  int openCoUnitTasks() {
    return tasks * years() * coUnitsPerTask;
  }
}
