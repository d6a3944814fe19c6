package dev.portcullis.catalog.python;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The header fields of a Python distribution's core metadata, as found in {@code *.dist-info/METADATA},
 * {@code *.egg-info/PKG-INFO} or a single-file {@code *.egg-info}. The format is email headers: one
 * {@code Key: value} per line, continuation lines indented, and the description after the first blank
 * line, which is not read.
 *
 * <pre>
 * Metadata-Version: 2.1
 * Name: requests
 * Version: 2.22.0
 * License: Apache 2.0
 * </pre>
 *
 * @param licenses {@code License-Expression}, else {@code License}, else the {@code License ::}
 *     classifiers with that prefix removed
 * @see <a href="https://packaging.python.org/en/latest/specifications/core-metadata/">Core metadata specifications</a>
 */
record CoreMetadata(String name, String version, List<String> licenses) {

    static CoreMetadata parse(Reader source) throws IOException {
        List<String[]> fields = fields(new BufferedReader(source));
        String name = null;
        String version = null;
        String expression = null;
        String license = null;
        List<String> classifiers = new ArrayList<>();
        for (String[] field : fields) {
            String value = field[1];
            switch (field[0].toLowerCase(java.util.Locale.ROOT)) {
                case "name" -> name = name == null ? value : name;
                case "version" -> version = version == null ? value : version;
                case "license-expression" -> expression = value;
                case "license" -> license = value;
                case "classifier" -> {
                    if (value.startsWith("License :: ")) {
                        classifiers.add(value.substring(value.lastIndexOf(" :: ") + 4));
                    }
                }
                default -> { }
            }
        }
        boolean licenseKnown = license != null && !license.isBlank() && !license.equalsIgnoreCase("UNKNOWN");
        List<String> licenses = expression != null ? List.of(expression)
                : licenseKnown ? List.of(firstLine(license))
                : List.copyOf(classifiers);
        return new CoreMetadata(blankToNull(name), blankToNull(version), licenses);
    }

    private static List<String[]> fields(BufferedReader reader) throws IOException {
        List<String[]> fields = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null && !line.isEmpty()) {
            if ((line.startsWith(" ") || line.startsWith("\t")) && !fields.isEmpty()) {
                String[] last = fields.getLast();
                last[1] = last[1] + "\n" + line.strip();
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.add(new String[] {line.substring(0, colon).strip(), line.substring(colon + 1).strip()});
            }
        }
        return fields;
    }

    private static String firstLine(String value) {
        int newline = value.indexOf('\n');
        return newline < 0 ? value : value.substring(0, newline);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
