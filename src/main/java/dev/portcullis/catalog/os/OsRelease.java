package dev.portcullis.catalog.os;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the os-release format: one {@code KEY=value} assignment per line, values optionally in
 * double or single quotes, with backslash escapes inside double quotes, and {@code #} comment lines.
 *
 * <p>Example: the line {@code PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"} gives the key
 * {@code PRETTY_NAME} the value {@code Debian GNU/Linux 12 (bookworm)}.
 *
 * @see <a href="https://manpages.ubuntu.com/manpages/jammy/man5/os-release.5.html">os-release(5)</a>
 */
public final class OsRelease {

    private OsRelease() {}

    /** Returns the assignments in file order; lines that are not assignments are ignored. */
    public static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String rawLine : text.split("\\R")) {
            String line = rawLine.strip();
            int equals = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || equals <= 0) {
                continue;
            }
            String key = line.substring(0, equals).strip();
            if (!key.matches("[A-Za-z0-9_]+")) {
                continue;
            }
            values.put(key, unquote(line.substring(equals + 1).strip()));
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return unescape(value.substring(1, value.length() - 1));
        }
        return value;
    }

    // Inside double quotes the shell rules apply: a backslash escapes $ " \ and backtick only.
    private static String unescape(String quoted) {
        StringBuilder out = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length() && "$\"\\`".indexOf(quoted.charAt(i + 1)) >= 0) {
                out.append(quoted.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
