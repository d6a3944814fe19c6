package dev.portcullis.version;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of a peer version table: {@code ecosystem a b expected kind source note} for compare
 * tables, {@code ecosystem version constraint satisfied source note} for the constraint table.
 */
record PeerRow(String file, int line, String ecosystem, List<String> columns) {

    static final Path PEER_DIR = Path.of("../shared/fixtures/peer/version-compare");

    static List<PeerRow> read(String fileName) {
        Path path = PEER_DIR.resolve(fileName);
        try {
            List<String> lines = Files.readAllLines(path);
            List<PeerRow> rows = new ArrayList<>();
            for (int index = 1; index < lines.size(); index++) {
                if (lines.get(index).isBlank()) {
                    continue;
                }
                List<String> columns = List.of(lines.get(index).split("\t", -1));
                rows.add(new PeerRow(fileName, index + 1, columns.get(0), columns));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read peer table " + path.toAbsolutePath(), e);
        }
    }

    String column(int index) {
        return index < columns.size() ? columns.get(index) : "";
    }

    @Override
    public String toString() {
        return file + ":" + line + " " + String.join(" | ", columns.subList(0, Math.min(4, columns.size())));
    }
}
