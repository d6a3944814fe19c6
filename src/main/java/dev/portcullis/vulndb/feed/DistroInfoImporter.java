package dev.portcullis.vulndb.feed;

import dev.portcullis.vulndb.ReleaseCycle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Imports Debian's and Ubuntu's release dates from distro-info-data ({@code debian.csv},
 * {@code ubuntu.csv}). The header tells the distros apart, because only Ubuntu's has {@code eol-server}.
 *
 * <p>Input: <pre>
 * version,codename,series,created,release,eol,eol-lts,eol-elts
 * 12,Bookworm,bookworm,2021-08-14,2023-06-10,2026-07-11,2028-06-30,2033-06-30
 * </pre>
 * Output: release cycle {@code debian 12} (codename {@code bookworm}), released 2023-06-10, regular
 * security support to 2026-07-11, LTS to 2028-06-30, ELTS to 2033-06-30. For Ubuntu, {@code eol}
 * is the end of standard support, {@code eol-esm} the LTS end and {@code eol-legacy} the extended end.
 * Rows without a version (sid, experimental) are development suites with no lifecycle and are left out.
 *
 * @see <a href="https://salsa.debian.org/debian/distro-info-data">distro-info-data</a>
 */
final class DistroInfoImporter implements FeedImporter {

    static final String SOURCE = "distro-info";
    static final String HEADER_START = "version,codename,series,created,release,eol";

    @Override
    public void importFrom(Path file, ImportSink sink) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(FeedFiles.open(file), StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.startsWith(HEADER_START)) {
                throw new IOException(file + " is not a distro-info-data CSV: expected the header \"" + HEADER_START + ",...\"");
            }
            List<String> columns = Arrays.asList(header.trim().split(","));
            boolean ubuntu = columns.contains("eol-server");
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells[0].isBlank()) {
                    continue;
                }
                try {
                    sink.releaseCycle(ubuntu ? ubuntuCycle(columns, cells) : debianCycle(columns, cells));
                } catch (DateTimeParseException e) {
                    sink.skipped(SOURCE, new ImportWarning(file.getFileName() + ":" + number,
                            "invalid date \"" + e.getParsedString() + "\"; row skipped"));
                }
            }
        }
    }

    private static ReleaseCycle debianCycle(List<String> columns, String[] cells) {
        return new ReleaseCycle("debian", cells[0].trim(), cell(columns, cells, "series"),
                date(columns, cells, "release"), null, null, date(columns, cells, "eol"),
                date(columns, cells, "eol-lts"), date(columns, cells, "eol-elts"), null, SOURCE);
    }

    private static ReleaseCycle ubuntuCycle(List<String> columns, String[] cells) {
        String version = cells[0].trim().replace(" LTS", "");
        return new ReleaseCycle("ubuntu", version, cell(columns, cells, "series"),
                date(columns, cells, "release"), null, null, date(columns, cells, "eol"),
                date(columns, cells, "eol-esm"), date(columns, cells, "eol-legacy"), null, SOURCE);
    }

    private static String cell(List<String> columns, String[] cells, String column) {
        int index = columns.indexOf(column);
        if (index < 0 || index >= cells.length || cells[index].isBlank()) {
            return null;
        }
        return cells[index].trim().toLowerCase(Locale.ROOT);
    }

    private static java.time.LocalDate date(List<String> columns, String[] cells, String column) {
        return LifecycleDates.parse(cell(columns, cells, column));
    }
}
