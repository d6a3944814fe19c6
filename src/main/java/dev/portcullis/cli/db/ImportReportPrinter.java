package dev.portcullis.cli.db;

import dev.portcullis.report.Plural;
import dev.portcullis.vulndb.feed.ImportReport;
import dev.portcullis.vulndb.feed.SourceCounts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/** Prints an import report as a table of sources, then every part left out and every file ignored. */
final class ImportReportPrinter {

    private ImportReportPrinter() {}

    static void print(PrintWriter out, ImportReport report, Path database) {
        out.printf("Imported into %s%n", database);
        out.printf("%-20s %10s %10s%n", "SOURCE", "IMPORTED", "SKIPPED");
        for (Map.Entry<String, SourceCounts> entry : report.sources().entrySet()) {
            out.printf("%-20s %10d %10d%n", entry.getKey(), entry.getValue().imported(), entry.getValue().skipped());
        }
        out.printf("%-20s %10d %10d%n", "total", report.totalImported(), report.totalSkipped());
        if (!report.warnings().isEmpty()) {
            out.printf("%s (parts left out):%n", Plural.of(report.warnings().size(), "warning"));
            report.warnings().forEach(w -> out.printf("  %s%n", w));
        }
        if (!report.ignored().isEmpty()) {
            out.printf("%s ignored (no known feed): %s%n", Plural.of(report.ignored().size(), "file"),
                    String.join(", ", report.ignored().stream().map(String::valueOf).toList()));
        }
        out.flush();
    }
}
