package dev.portcullis.catalog.dpkg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One paragraph of a Debian control file, such as one package of {@code /var/lib/dpkg/status}.
 * Field names compare case-insensitively, as in Debian control files; a multi-line value keeps its
 * continuation lines, each after a newline and without the leading space.
 *
 * <p>Example: the lines {@code Package: tar}, {@code Version: 1.29b-2} give the fields {@code Package=tar}
 * and {@code Version=1.29b-2}.
 *
 * @param number position of the stanza in its file, from 1
 * @param line line number of the stanza's first line, from 1
 * @param fields the fields in file order
 * @param error why the stanza is malformed, or null when it is well formed
 * @see <a href="https://www.debian.org/doc/debian-policy/ch-controlfields.html">Debian control files</a>
 */
public record ControlStanza(int number, int line, Map<String, String> fields, String error) {

    /** Returns the value of a field with surrounding white space removed, or null when absent. */
    public String field(String name) {
        String value = fields.get(name);
        return value == null ? null : value.strip();
    }

    /** Returns the text's stanzas; blank lines separate them, and a malformed one carries its error. */
    public static List<ControlStanza> parse(String text) {
        List<ControlStanza> stanzas = new ArrayList<>();
        Builder current = null;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                if (current != null) {
                    stanzas.add(current.build());
                    current = null;
                }
                continue;
            }
            if (current == null) {
                current = new Builder(stanzas.size() + 1, i + 1);
            }
            current.add(line, i + 1);
        }
        if (current != null) {
            stanzas.add(current.build());
        }
        return stanzas;
    }

    private static final class Builder {
        private final int number;
        private final int firstLine;
        private final Map<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private String lastField;
        private String error;

        Builder(int number, int firstLine) {
            this.number = number;
            this.firstLine = firstLine;
        }

        void add(String line, int lineNumber) {
            if (line.startsWith("#")) {
                return;
            }
            if (line.startsWith(" ") || line.startsWith("\t")) {
                if (lastField == null) {
                    fail("line " + lineNumber + " continues a field but no field precedes it");
                } else {
                    fields.merge(lastField, "\n" + line.substring(1), String::concat);
                }
                return;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                fail("line " + lineNumber + " is neither a \"Field: value\" line nor a continuation line");
                return;
            }
            lastField = line.substring(0, colon);
            if (fields.containsKey(lastField)) {
                fail("line " + lineNumber + " repeats the field " + lastField);
            }
            fields.put(lastField, line.substring(colon + 1).strip());
        }

        private void fail(String reason) {
            if (error == null) {
                error = reason;
            }
        }

        ControlStanza build() {
            return new ControlStanza(number, firstLine, Collections.unmodifiableMap(fields), error);
        }
    }
}
