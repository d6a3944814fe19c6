package dev.portcullis.lint.dockerfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits the text after an instruction keyword the way BuildKit does for each instruction: flags
 * first, then JSON or shell form, whitespace-separated lists, name/value pairs or one string.
 */
final class ArgumentParser {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Arguments of one instruction: values and whether they were a JSON array. */
    record Arguments(List<String> values, boolean json) {
        static final Arguments NONE = new Arguments(List.of(), false);
    }

    /** Flags and the rest of the line after them. */
    record Split(String keyword, List<String> flags, String rest) {
    }

    /** Thrown for argument text BuildKit's parser rejects; the caller adds the position. */
    static final class InvalidArguments extends Exception {
        InvalidArguments(String message) {
            super(message);
        }
    }

    private final char escape;

    ArgumentParser(char escape) {
        this.escape = escape;
    }

    Split split(String line) {
        String trimmed = line.strip();
        int space = 0;
        while (space < trimmed.length() && !Character.isWhitespace(trimmed.charAt(space))) {
            space++;
        }
        String keyword = trimmed.substring(0, space);
        if (space == trimmed.length()) {
            return new Split(keyword, List.of(), "");
        }
        List<String> flags = new ArrayList<>();
        String rest = extractFlags(trimmed.substring(space), flags);
        return new Split(keyword, flags, rest);
    }

    Arguments parse(String keyword, String rest) throws InvalidArguments {
        return switch (keyword.toLowerCase(Locale.ROOT)) {
            case "add", "copy", "volume" -> jsonOrWhitespaceList(rest);
            case "arg" -> new Arguments(words(rest), false);
            case "cmd", "entrypoint", "run", "shell" -> jsonOrString(rest);
            case "env" -> nameValues(rest, "ENV");
            case "label" -> nameValues(rest, "LABEL");
            case "expose", "from" -> new Arguments(whitespaceList(rest), false);
            case "healthcheck" -> healthcheck(rest);
            case "maintainer", "stopsignal", "user", "workdir" ->
                rest.isEmpty() ? Arguments.NONE : new Arguments(List.of(rest), false);
            default -> Arguments.NONE;
        };
    }

    private Arguments jsonOrString(String rest) throws InvalidArguments {
        if (rest.isEmpty()) {
            return Arguments.NONE;
        }
        List<String> json = jsonArray(rest);
        return json != null ? new Arguments(json, true) : new Arguments(List.of(rest), false);
    }

    private Arguments jsonOrWhitespaceList(String rest) throws InvalidArguments {
        List<String> json = jsonArray(rest);
        return json != null ? new Arguments(json, true) : new Arguments(whitespaceList(rest), false);
    }

    /** Returns the array's strings, or null when the text is not JSON, so it is read in shell form. */
    private static List<String> jsonArray(String rest) throws InvalidArguments {
        String text = rest.stripLeading();
        if (!text.startsWith("[")) {
            return null;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (tree == null || !tree.isArray()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : tree) {
            if (!element.isTextual()) {
                throw new InvalidArguments("JSON arguments must be an array of strings, found " + element);
            }
            values.add(element.textValue());
        }
        return values;
    }

    private static List<String> whitespaceList(String rest) {
        String trimmed = rest.strip();
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("[\t\u000b\f\r ]+"));
    }

    private Arguments healthcheck(String rest) throws InvalidArguments {
        int end = 0;
        while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
            end++;
        }
        if (end == 0) {
            return Arguments.NONE;
        }
        List<String> values = new ArrayList<>();
        values.add(rest.substring(0, end));
        Arguments command = jsonOrString(rest.substring(end).stripLeading());
        values.addAll(command.values());
        return new Arguments(values, command.json());
    }

    private Arguments nameValues(String rest, String keyword) throws InvalidArguments {
        List<String> words = words(rest);
        if (words.isEmpty()) {
            throw new InvalidArguments(keyword + " requires at least one argument");
        }
        if (!words.getFirst().contains("=")) {
            String[] parts = rest.strip().split("[\t\u000b\f\r ]+", 2);
            if (parts.length < 2) {
                throw new InvalidArguments(keyword + " must have two arguments, for example " + keyword + " name=value");
            }
            return new Arguments(List.of(parts[0], parts[1], ""), false);
        }
        List<String> values = new ArrayList<>();
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals < 0) {
                throw new InvalidArguments("can't find = in \"" + word + "\"; " + keyword + " takes name=value pairs");
            }
            values.add(word.substring(0, equals));
            values.add(word.substring(equals + 1));
            values.add("=");
        }
        return new Arguments(values, false);
    }

    /** Splits on white space outside quotes, keeping quotes and escapes in the words. */
    List<String> words(String rest) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean blankOk = false;
        int quote = 0;
        int[] chars = rest.codePoints().toArray();
        for (int i = 0; i < chars.length; i++) {
            int ch = chars[i];
            if (quote == 0) {
                if (Character.isWhitespace(ch)) {
                    if (inWord && (blankOk || !word.isEmpty())) {
                        words.add(word.toString());
                    }
                    word.setLength(0);
                    inWord = false;
                    blankOk = false;
                    continue;
                }
                inWord = true;
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    blankOk = true;
                } else if (ch == escape) {
                    if (i + 1 == chars.length) {
                        continue;
                    }
                    word.appendCodePoint(ch);
                    ch = chars[++i];
                }
                word.appendCodePoint(ch);
            } else {
                if (ch == quote) {
                    quote = 0;
                } else if (ch == escape && quote != '\'') {
                    if (i + 1 == chars.length) {
                        quote = 0;
                        continue;
                    }
                    word.appendCodePoint(ch);
                    ch = chars[++i];
                }
                word.appendCodePoint(ch);
            }
        }
        if (inWord && (blankOk || !word.isEmpty())) {
            words.add(word.toString());
        }
        return words;
    }

    /** Collects leading {@code --flag} words into flags and returns the remaining text. */
    private static String extractFlags(String line, List<String> flags) {
        int pos = 0;
        while (true) {
            while (pos < line.length() && Character.isWhitespace(line.charAt(pos))) {
                pos++;
            }
            if (pos >= line.length() - 1 || !line.startsWith("--", pos)) {
                return pos >= line.length() ? "" : line.substring(pos);
            }
            StringBuilder word = new StringBuilder();
            boolean blankOk = false;
            int quote = 0;
            while (pos < line.length()) {
                char ch = line.charAt(pos);
                if (quote == 0 && Character.isWhitespace(ch)) {
                    break;
                }
                pos++;
                if (quote == 0 && (ch == '\'' || ch == '"')) {
                    quote = ch;
                    blankOk = true;
                    continue;
                }
                if (quote != 0 && ch == quote) {
                    quote = 0;
                    continue;
                }
                if (ch == '\\') {
                    if (pos == line.length()) {
                        continue;
                    }
                    ch = line.charAt(pos++);
                }
                word.append(ch);
            }
            if (word.toString().equals("--")) {
                return pos >= line.length() ? "" : line.substring(pos).stripLeading();
            }
            if (blankOk || !word.isEmpty()) {
                flags.add(word.toString());
            }
        }
    }
}
