package dev.portcullis.catalog.npm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test-only reader of a peer's EXPECTED.tsv: rows as column-name maps, grouped by a column. */
final class PeerRows {

    private PeerRows() {}

    static Map<String, List<Map<String, String>>> groupedBy(Path tsv, String column) {
        Map<String, List<Map<String, String>>> groups = new LinkedHashMap<>();
        for (Map<String, String> row : read(tsv)) {
            groups.computeIfAbsent(row.get(column), key -> new ArrayList<>()).add(row);
        }
        return groups;
    }

    static List<Map<String, String>> read(Path tsv) {
        try {
            List<String> lines = Files.readAllLines(tsv);
            String[] header = lines.getFirst().split("\t", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = Arrays.copyOf(line.split("\t", -1), header.length);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i] == null ? "" : cells[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
