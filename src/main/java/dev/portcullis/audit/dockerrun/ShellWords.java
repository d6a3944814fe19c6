package dev.portcullis.audit.dockerrun;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words as a POSIX shell does, without expansion: blanks separate words,
 * single quotes keep everything literally, double quotes keep everything but {@code \"}, {@code \\},
 * {@code \$} and {@code \`} escapes, and a backslash outside quotes escapes the next character
 * (a backslash-newline joins lines).
 *
 * <pre>{@code
 * split("docker run -e 'A=b c' \"x\\\"y\"") -> [docker, run, -e, A=b c, x"y]
 * }</pre>
 *
 * @see <a href="https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html#tag_19_02">POSIX
 *     shell quoting</a>
 */
public final class ShellWords {

    private ShellWords() {}

    /** Splits {@code line}; throws {@link IllegalArgumentException} on an unterminated quote. */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated single quote at character " + (i + 1));
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i = readDoubleQuoted(line, i + 1, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 < line.length() && line.charAt(i + 1) != '\n') {
                    word.append(line.charAt(i + 1));
                    inWord = true;
                }
                i += 2;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static int readDoubleQuoted(String line, int start, StringBuilder word) {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && "\"\\$`\n".indexOf(line.charAt(i + 1)) >= 0) {
                if (line.charAt(i + 1) != '\n') {
                    word.append(line.charAt(i + 1));
                }
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated double quote at character " + start);
    }
}
