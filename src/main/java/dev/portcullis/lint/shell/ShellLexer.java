package dev.portcullis.lint.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Expands variables and removes quotes in Dockerfile words the way BuildKit's shell lexer does.
 *
 * <p>Example: with {@code PWD=/home}, {@code process("he${XXX:-$PWD}'x'")} returns {@code he/homex},
 * and {@code processWords("a${SPACED}b")} with {@code SPACED="1 2"} returns {@code [a1, 2b]}.
 * Supported forms: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-word}}, {@code ${VAR-word}},
 * {@code ${VAR:+word}}, {@code ${VAR+word}}, {@code ${VAR?word}}, {@code ${VAR:?word}}, prefix and
 * suffix removal ({@code #}, {@code ##}, {@code %}, {@code %%}), replacement ({@code /}, {@code //}),
 * and positional and special parameters (always unset).
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#environment-replacement">Environment replacement</a>
 */
public final class ShellLexer {

    /** Substitutions nested deeper than this are rejected, which bounds the recursion. */
    private static final int MAX_NESTING = 64;
    /** Longest value, in characters, that prefix, suffix and replacement patterns are applied to. */
    private static final int MAX_PATTERN_SUBJECT = 65_536;

    private final char escape;
    private final boolean rawQuotes;
    private final boolean rawEscapes;
    private final boolean skipUnsetVariables;

    /**
     * @param escape the Dockerfile escape character
     * @param rawQuotes keep quote characters in the output
     * @param rawEscapes keep escape characters in the output
     * @param skipUnsetVariables leave {@code $VAR} as written when VAR is unset
     */
    public ShellLexer(char escape, boolean rawQuotes, boolean rawEscapes, boolean skipUnsetVariables) {
        this.escape = escape;
        this.rawQuotes = rawQuotes;
        this.rawEscapes = rawEscapes;
        this.skipUnsetVariables = skipUnsetVariables;
    }

    /** Returns a lexer that expands and unquotes with the given escape character. */
    public static ShellLexer standard(char escape) {
        return new ShellLexer(escape, false, false, false);
    }

    /** Expands one word and keeps unquoted white space as written. */
    public String process(String word, Function<String, Optional<String>> environment) throws ShellSyntaxException {
        return new Run(word, environment).processStopOn(Run.EOF).result();
    }

    /** Expands and splits into words on unquoted white space, including white space from expansions. */
    public List<String> processWords(String text, Function<String, Optional<String>> environment)
            throws ShellSyntaxException {
        return new Run(text, environment).processStopOn(Run.EOF).words().collect();
    }

    private record Output(String result, Words words) {
    }

    /** Words collected while expanding, following shell field-splitting of unquoted text. */
    private static final class Words {
        private final List<String> words = new ArrayList<>();
        private final StringBuilder word = new StringBuilder();
        private boolean inWord;

        void addChar(int ch) {
            if (Character.isWhitespace(ch)) {
                if (inWord && !word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                addRawChar(ch);
            }
        }

        void addRawChar(int ch) {
            word.appendCodePoint(ch);
            inWord = true;
        }

        void addString(String text) {
            text.codePoints().forEach(this::addChar);
        }

        void addRawString(String text) {
            word.append(text);
            inWord = true;
        }

        List<String> collect() {
            List<String> all = new ArrayList<>(words);
            if (!word.isEmpty()) {
                all.add(word.toString());
            }
            return all;
        }
    }

    /** One pass over one input, with the read position. */
    private final class Run {
        static final int EOF = -1;
        private final int[] text;
        private final Function<String, Optional<String>> environment;
        private int position;
        private int depth;

        Run(String input, Function<String, Optional<String>> environment) {
            this.text = input.codePoints().toArray();
            this.environment = environment;
        }

        int peek() {
            return position < text.length ? text[position] : EOF;
        }

        int next() {
            return position < text.length ? text[position++] : EOF;
        }

        Output processStopOn(int stop) throws ShellSyntaxException {
            StringBuilder result = new StringBuilder();
            Words words = new Words();
            while (peek() != EOF) {
                int ch = peek();
                if (stop != EOF && ch == stop) {
                    next();
                    return new Output(result.toString(), words);
                }
                if (ch == '\'' || ch == '"' || ch == '$') {
                    String part = switch (ch) {
                        case '\'' -> singleQuoted();
                        case '"' -> doubleQuoted();
                        default -> dollar();
                    };
                    if (ch == '$') {
                        words.addString(part);
                    } else {
                        words.addRawString(part);
                    }
                    result.append(part);
                    continue;
                }
                next();
                if (ch == escape) {
                    if (rawEscapes) {
                        words.addRawChar(ch);
                        result.appendCodePoint(ch);
                    }
                    ch = next();
                    if (ch == EOF) {
                        // A trailing escape character is dropped.
                        break;
                    }
                    words.addRawChar(ch);
                } else {
                    words.addChar(ch);
                }
                result.appendCodePoint(ch);
            }
            if (stop != EOF) {
                throw new ShellSyntaxException("unexpected end of statement while looking for matching "
                        + Character.toString(stop));
            }
            return new Output(result.toString(), words);
        }

        String singleQuoted() throws ShellSyntaxException {
            StringBuilder result = new StringBuilder();
            next();
            if (rawQuotes) {
                result.append('\'');
            }
            while (true) {
                int ch = next();
                if (ch == EOF) {
                    throw new ShellSyntaxException("unexpected end of statement while looking for matching single-quote");
                }
                if (ch == '\'') {
                    if (rawQuotes) {
                        result.append('\'');
                    }
                    return result.toString();
                }
                result.appendCodePoint(ch);
            }
        }

        String doubleQuoted() throws ShellSyntaxException {
            StringBuilder result = new StringBuilder();
            next();
            if (rawQuotes) {
                result.append('"');
            }
            while (true) {
                int ch = peek();
                if (ch == EOF) {
                    throw new ShellSyntaxException("unexpected end of statement while looking for matching double-quote");
                }
                if (ch == '"') {
                    next();
                    if (rawQuotes) {
                        result.append('"');
                    }
                    return result.toString();
                }
                if (ch == '$') {
                    result.append(dollar());
                    continue;
                }
                next();
                int following = peek();
                if (ch == escape && (following == '"' || following == '$' || following == escape)) {
                    if (rawEscapes) {
                        result.appendCodePoint(ch);
                    }
                    ch = next();
                }
                result.appendCodePoint(ch);
            }
        }

        String dollar() throws ShellSyntaxException {
            if (++depth > MAX_NESTING) {
                throw new ShellSyntaxException("variable substitutions nested deeper than " + MAX_NESTING + " levels");
            }
            try {
                return expandDollar();
            } finally {
                depth--;
            }
        }

        private String expandDollar() throws ShellSyntaxException {
            next();
            int ch = peek();
            if (ch == EOF) {
                return "$";
            }
            if (ch == '{') {
                next();
                return braced();
            }
            String name = name();
            if (name.isEmpty()) {
                return "$";
            }
            Optional<String> value = lookup(name);
            if (value.isEmpty() && skipUnsetVariables) {
                return "$" + name;
            }
            return value.orElse("");
        }

        /** Expands {@code ${...}} after the opening brace. */
        String braced() throws ShellSyntaxException {
            String name = name();
            if (name.isEmpty()) {
                throw new ShellSyntaxException("bad substitution: missing variable name");
            }
            Optional<String> value = lookup(name);
            int ch = peek();
            if (ch == '}') {
                next();
                if (value.isEmpty() && skipUnsetVariables) {
                    return "${" + name + "}";
                }
                return value.orElse("");
            }
            if (ch == '?') {
                next();
                String message = processStopOn('}').result();
                if (value.isEmpty()) {
                    throw new ShellSyntaxException(name + ": " + (message.isEmpty() ? "is not allowed to be unset" : message));
                }
                return value.get();
            }
            if (ch == '-' || ch == '+') {
                // Without a colon the test is "set", so a variable set to the empty string counts as set.
                next();
                String word = processStopOn('}').result();
                return (ch == '-') == value.isPresent() ? value.orElse("") : word;
            }
            if ((ch == '#' || ch == '%' || ch == '/') && value.orElse("").length() > MAX_PATTERN_SUBJECT) {
                // Glob matching tries every prefix or suffix, so very long values would take quadratic time.
                throw new ShellSyntaxException("value of " + name + " is too long for pattern substitution");
            }
            if (ch == '#' || ch == '%') {
                next();
                boolean longest = peek() == ch;
                if (longest) {
                    next();
                }
                String pattern = processStopOn('}').result();
                return ch == '#' ? GlobPattern.removePrefix(value.orElse(""), pattern, longest)
                        : GlobPattern.removeSuffix(value.orElse(""), pattern, longest);
            }
            if (ch == '/') {
                next();
                boolean all = peek() == '/';
                if (all) {
                    next();
                }
                String body = processStopOn('}').result();
                int slash = body.indexOf('/');
                String pattern = slash < 0 ? body : body.substring(0, slash);
                String replacement = slash < 0 ? "" : body.substring(slash + 1);
                return GlobPattern.replace(value.orElse(""), pattern, replacement, all);
            }
            if (ch != ':') {
                throw new ShellSyntaxException("missing ':' in substitution of " + name);
            }
            next();
            return modified(name, value, next());
        }

        /** Applies {@code :-}, {@code :+} or {@code :?} with the word up to the closing brace. */
        String modified(String name, Optional<String> value, int modifier) throws ShellSyntaxException {
            String word = processStopOn('}').result();
            boolean setAndNonEmpty = value.isPresent() && !value.get().isEmpty();
            return switch (modifier) {
                case '+' -> setAndNonEmpty ? word : "";
                case '-' -> setAndNonEmpty ? value.get() : word;
                case '?' -> {
                    if (!setAndNonEmpty) {
                        throw new ShellSyntaxException(name + ": " + (word.isEmpty() ? "is not allowed to be empty" : word));
                    }
                    yield value.get();
                }
                default -> throw new ShellSyntaxException("unsupported modifier ("
                        + (modifier == EOF ? "end of input" : Character.toString(modifier)) + ") in substitution");
            };
        }

        String name() {
            StringBuilder name = new StringBuilder();
            int ch = peek();
            if (ch >= '0' && ch <= '9') {
                while (peek() >= '0' && peek() <= '9') {
                    name.appendCodePoint(next());
                }
                return name.toString();
            }
            if ("@*#?-$!".indexOf(ch) >= 0 && ch != EOF) {
                return Character.toString(next());
            }
            while (peek() != EOF && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
                name.appendCodePoint(next());
            }
            return name.toString();
        }

        Optional<String> lookup(String name) {
            char first = name.charAt(0);
            if (Character.isDigit(first) || "@*#?-$!".indexOf(first) >= 0) {
                // Positional and special parameters are never set while building.
                return Optional.empty();
            }
            return environment.apply(name);
        }
    }
}
