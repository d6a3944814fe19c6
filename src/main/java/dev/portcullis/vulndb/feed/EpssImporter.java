package dev.portcullis.vulndb.feed;

import dev.portcullis.vulndb.EpssScore;
import dev.portcullis.vulndb.VulnDatabaseWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports the FIRST EPSS daily scores, plain CSV or gzip as published.
 *
 * <p>Input: <pre>{@code
 * #model_version:v2025.03.14,score_date:2025-08-25T12:55:00Z
 * cve,epss,percentile
 * CVE-2021-44228,0.94358,0.99957
 * }</pre>
 * Output: one {@link EpssScore} per row, dated 2025-08-25 with model {@code v2025.03.14}.
 */
final class EpssImporter implements FeedImporter {

    private static final Pattern MODEL = Pattern.compile("model_version:([^,\\s]+)");
    private static final Pattern SCORE_DATE = Pattern.compile("score_date:(\\d{4}-\\d{2}-\\d{2})");

    @Override
    public void importFrom(Path file, ImportSink sink) throws IOException {
        String name = file.getFileName().toString();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(FeedFiles.open(file), StandardCharsets.UTF_8))) {
            sink.replaceAll(VulnDatabaseWriter.EPSS_SOURCE);
            String model = null;
            LocalDate date = null;
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.startsWith("#")) {
                    Matcher modelMatch = MODEL.matcher(line);
                    model = modelMatch.find() ? modelMatch.group(1) : model;
                    Matcher dateMatch = SCORE_DATE.matcher(line);
                    if (dateMatch.find()) {
                        date = LocalDate.parse(dateMatch.group(1));
                        sink.sourceDate(VulnDatabaseWriter.EPSS_SOURCE, date.atStartOfDay(ZoneOffset.UTC).toInstant());
                    }
                    continue;
                }
                if (line.isBlank() || line.startsWith("cve,")) {
                    continue;
                }
                readRow(line, name + ":" + number, date, model, sink);
            }
        }
    }

    private static void readRow(String line, String location, LocalDate date, String model, ImportSink sink) {
        String[] columns = line.split(",", -1);
        if (columns.length < 3 || !columns[0].startsWith("CVE-")) {
            sink.skipped(VulnDatabaseWriter.EPSS_SOURCE, new ImportWarning(location, "expected cve,epss,percentile; row skipped"));
            return;
        }
        try {
            sink.epss(new EpssScore(columns[0].trim(), Double.parseDouble(columns[1]), Double.parseDouble(columns[2]), date, model));
        } catch (NumberFormatException | DateTimeParseException e) {
            sink.skipped(VulnDatabaseWriter.EPSS_SOURCE, new ImportWarning(location, "invalid number in \"" + line + "\"; row skipped"));
        }
    }
}
