package dev.portcullis.catalog.apk;

import dev.portcullis.image.Skipped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the apk database {@code /lib/apk/db/installed}: records separated by blank lines, each line a
 * one-letter field, a colon and the value. {@code F:} names a folder and each following {@code R:} a
 * file in it.
 *
 * <p>Example: {@code P:musl}, {@code V:1.2.4-r2}, {@code A:x86_64}, {@code o:musl}, {@code F:lib},
 * {@code R:libc.musl-x86_64.so.1} give musl 1.2.4-r2 owning {@code /lib/libc.musl-x86_64.so.1}.
 *
 * @see <a href="https://wiki.alpinelinux.org/wiki/Apk_spec">apk database format</a>
 */
final class ApkInstalledParser {

    /** The packages of one database and the records that were skipped. */
    record Result(List<ApkEntry> packages, List<Skipped> skipped) {}

    private ApkInstalledParser() {}

    static Result parse(String path, String text) {
        List<ApkEntry> packages = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        RecordBuilder current = null;
        int recordNumber = 0;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                finish(path, current, packages, skipped);
                current = null;
                continue;
            }
            if (current == null) {
                current = new RecordBuilder(++recordNumber, i + 1);
            }
            current.add(line, i + 1);
        }
        finish(path, current, packages, skipped);
        return new Result(packages, skipped);
    }

    private static void finish(String path, RecordBuilder record, List<ApkEntry> packages, List<Skipped> skipped) {
        if (record == null) {
            return;
        }
        try {
            packages.add(record.build());
        } catch (IllegalArgumentException e) {
            String name = record.fields.get('P');
            String named = name == null ? "" : " (P:" + name + ")";
            skipped.add(new Skipped(path + " record " + record.number + named + " at line " + record.firstLine,
                    "malformed apk record: " + e.getMessage()));
        }
    }

    private static final class RecordBuilder {
        private final int number;
        private final int firstLine;
        private final Map<Character, String> fields = new HashMap<>();
        private final List<String> files = new ArrayList<>();
        private String folder = null;
        private String error;

        RecordBuilder(int number, int firstLine) {
            this.number = number;
            this.firstLine = firstLine;
        }

        void add(String line, int lineNumber) {
            if (line.length() < 2 || line.charAt(1) != ':') {
                if (error == null) {
                    error = "line " + lineNumber + " is not a \"X:value\" field line";
                }
                return;
            }
            char key = line.charAt(0);
            String value = line.substring(2);
            switch (key) {
                case 'F' -> folder = value;
                case 'R' -> files.add(folder == null || folder.isEmpty() ? "/" + value : "/" + folder + "/" + value);
                default -> fields.putIfAbsent(key, value);
            }
        }

        ApkEntry build() {
            if (error != null) {
                throw new IllegalArgumentException(error);
            }
            String name = fields.get('P');
            String version = fields.get('V');
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("the package name (P:) is missing");
            }
            if (version == null || version.isBlank()) {
                throw new IllegalArgumentException("the version (V:) of " + name + " is missing");
            }
            return new ApkEntry(name, version, fields.get('A'), fields.get('o'), fields.get('L'), fields.get('m'),
                    fields.get('C'), List.copyOf(files), fields.get('D'), fields.get('p'));
        }
    }
}
