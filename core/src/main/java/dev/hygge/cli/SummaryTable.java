package dev.hygge.cli;

import dev.hygge.invoke.EntityReport;
import dev.hygge.invoke.EntityStatus;
import dev.hygge.invoke.RunReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints the table that ends every run: one row per entity, then the tally and totals. */
final class SummaryTable {
  private static final String[] HEADER = {"entity", "status", "rows", "size", "files", "time"};

  private SummaryTable() {}

  static void print(RunReport report, PrintWriter out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (EntityReport e : report.entities()) {
      rows.add(
          new String[] {
            e.qualifiedName(),
            word(e.status()),
            Numbers.count(e.rows()),
            Numbers.megabytes(e.bytes()),
            Integer.toString(e.files()),
            Numbers.duration(e.duration())
          });
    }
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        boolean numeric = i >= 2;
        String cell =
            numeric
                ? " ".repeat(widths[i] - row[i].length()) + row[i]
                : row[i] + " ".repeat(widths[i] - row[i].length());
        line.append(i == 0 ? "" : "  ").append(cell);
      }
      out.println(line.toString().stripTrailing());
    }
    out.println();
    long pass = report.count(EntityStatus.SUCCESS);
    long error = report.count(EntityStatus.FAILED);
    long skip = report.count(EntityStatus.SKIPPED);
    out.printf(
        "PASS=%d WARN=0 ERROR=%d SKIP=%d TOTAL=%d%n", pass, error, skip, report.entities().size());
    out.printf(
        "Moved %s rows in %s (%s), run %s%n",
        Numbers.count(report.totalRows()),
        Numbers.duration(report.duration()),
        Numbers.rate(report.totalRows(), report.duration()),
        report.runId());
    for (EntityReport e : report.entities()) {
      e.error().ifPresent(m -> out.printf("%nERROR in %s:%n  %s%n", e.qualifiedName(), m));
    }
    out.flush();
  }

  private static String word(EntityStatus status) {
    return switch (status) {
      case SUCCESS -> "PASS";
      case FAILED -> "ERROR";
      case SKIPPED -> "SKIP";
      case INCOMPLETE -> "PART";
    };
  }
}
