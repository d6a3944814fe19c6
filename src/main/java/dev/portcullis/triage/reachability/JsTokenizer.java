package dev.portcullis.triage.reachability;

import dev.portcullis.triage.reachability.JsToken.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Splits JavaScript source into tokens, skipping comments and whitespace. It reads the lexical grammar
 * far enough to never mistake the inside of a string, template, regular expression or comment for
 * code, which is all {@link ImportScanner} needs. It accepts ES2015+ syntax (classes, modules, async,
 * optional chaining, private fields) that a parser of an older edition rejects.
 *
 * <p>Example: {@code const a = require('x'); // b} gives {@code const}, {@code a}, {@code =},
 * {@code require}, {@code (}, the string {@code x}, {@code )} and {@code ;}.
 *
 * <p>A slash starts a regular expression unless the previous token ends an expression (an identifier
 * other than an operator keyword, a literal, {@code )}, {@code ]} or {@code }}), as in the ECMAScript
 * lexical grammar, <a href="https://tc39.es/ecma262/#sec-ecmascript-language-lexical-grammar">section
 * 12</a>. NOTE: a regular expression right after a block's closing brace or an {@code if (...)} is read
 * as a division, which is rare in published packages.
 */
final class JsTokenizer {

    private static final Set<String> KEYWORDS_BEFORE_EXPRESSION = Set.of("return", "typeof", "instanceof", "in",
            "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await", "extends");
    private static final String PUNCTUATORS_3 = ">>>= ... === !== **= <<= >>= >>> &&= ||= ??=";
    private static final String PUNCTUATORS_2 = "=> == != <= >= && || ?? ?. ++ -- += -= *= /= %= &= |= ^= ** << >>";

    private final String source;
    private final List<JsToken> tokens = new ArrayList<>();
    /** One entry per open brace: true when it opened a template substitution. */
    private final Deque<Boolean> braces = new ArrayDeque<>();
    private int position;
    private int line = 1;

    private JsTokenizer(String source) {
        this.source = source;
    }

    static List<JsToken> tokenize(String source) throws JsSyntaxException {
        JsTokenizer tokenizer = new JsTokenizer(source);
        tokenizer.run();
        return tokenizer.tokens;
    }

    private void run() throws JsSyntaxException {
        if (source.startsWith("#!")) {
            skipLine();
        }
        while (true) {
            skipWhitespaceAndComments();
            if (position >= source.length()) {
                return;
            }
            readToken();
        }
    }

    private void readToken() throws JsSyntaxException {
        char c = source.charAt(position);
        if (c == '"' || c == '\'') {
            readString(c);
        } else if (c == '`') {
            position++;
            readTemplate(true);
        } else if (isIdentifierStart(c)) {
            readIdentifier();
        } else if (Character.isDigit(c) || c == '.' && position + 1 < source.length()
                && Character.isDigit(source.charAt(position + 1))) {
            readNumber();
        } else if (c == '/' && regexAllowed()) {
            readRegex();
        } else if (c == '{') {
            braces.push(false);
            add(Kind.PUNCTUATOR, "{", null, 1);
        } else if (c == '}') {
            if (!braces.isEmpty() && braces.pop()) {
                position++;
                readTemplate(false);
            } else {
                add(Kind.PUNCTUATOR, "}", null, 1);
            }
        } else {
            readPunctuator();
        }
    }

    private void add(Kind kind, String text, String value, int length) {
        tokens.add(new JsToken(kind, text, value, line));
        position += length;
    }

    private void skipWhitespaceAndComments() throws JsSyntaxException {
        while (position < source.length()) {
            char c = source.charAt(position);
            if (c == '\n') {
                line++;
                position++;
            } else if (Character.isWhitespace(c) || c == '\u00a0' || c == '\ufeff') {
                position++;
            } else if (source.startsWith("//", position)) {
                skipLine();
            } else if (source.startsWith("/*", position)) {
                int end = source.indexOf("*/", position + 2);
                if (end < 0) {
                    throw new JsSyntaxException("unterminated comment", line);
                }
                countLines(position, end + 2);
                position = end + 2;
            } else {
                return;
            }
        }
    }

    private void skipLine() {
        while (position < source.length() && source.charAt(position) != '\n') {
            position++;
        }
    }

    private void countLines(int from, int to) {
        for (int i = from; i < to; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
    }

    private void readString(char quote) throws JsSyntaxException {
        int startLine = line;
        int start = position;
        StringBuilder value = new StringBuilder();
        position++;
        while (true) {
            if (position >= source.length() || source.charAt(position) == '\n') {
                throw new JsSyntaxException("unterminated string", startLine);
            }
            char c = source.charAt(position);
            if (c == quote) {
                position++;
                break;
            }
            if (c == '\\') {
                position = StringEscapes.decode(source, position, value);
            } else {
                value.append(c);
                position++;
            }
        }
        line = startLine + countNewlines(start, position);
        tokens.add(new JsToken(Kind.STRING, source.substring(start, position), value.toString(), startLine));
    }

    private int countNewlines(int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (source.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    /**
     * Reads template characters after the opening backtick (the head) or after the brace closing a
     * substitution. The token text starts with that backtick or brace.
     */
    private void readTemplate(boolean head) throws JsSyntaxException {
        int startLine = line;
        int start = position - 1;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (position >= source.length()) {
                throw new JsSyntaxException("unterminated template literal", startLine);
            }
            char c = source.charAt(position);
            if (c == '`') {
                position++;
                line = startLine + countNewlines(start, position);
                String text = source.substring(start, position);
                tokens.add(new JsToken(Kind.TEMPLATE, text, head ? value.toString() : null, startLine));
                return;
            }
            if (c == '$' && source.startsWith("${", position)) {
                position += 2;
                line = startLine + countNewlines(start, position);
                braces.push(true);
                tokens.add(new JsToken(Kind.TEMPLATE, source.substring(start, position), null, startLine));
                return;
            }
            if (c == '\\') {
                position = StringEscapes.decode(source, position, value);
            } else {
                value.append(c);
                position++;
            }
        }
    }

    private void readIdentifier() {
        int start = position;
        position++;
        while (position < source.length() && isIdentifierPart(source.charAt(position))) {
            position++;
        }
        tokens.add(new JsToken(Kind.IDENTIFIER, source.substring(start, position), null, line));
    }

    private void readNumber() {
        int start = position;
        while (position < source.length()) {
            char c = source.charAt(position);
            boolean exponentSign = (c == '+' || c == '-') && isExponentMarker(source.charAt(position - 1), start);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign)) {
                break;
            }
            position++;
        }
        tokens.add(new JsToken(Kind.NUMBER, source.substring(start, position), null, line));
    }

    private boolean isExponentMarker(char previous, int start) {
        boolean hex = source.startsWith("0x", start) || source.startsWith("0X", start);
        return (previous == 'e' || previous == 'E') && !hex;
    }

    private void readRegex() throws JsSyntaxException {
        int start = position;
        boolean inClass = false;
        position++;
        while (true) {
            if (position >= source.length() || source.charAt(position) == '\n') {
                throw new JsSyntaxException("unterminated regular expression", line);
            }
            char c = source.charAt(position);
            if (c == '\\') {
                position += 2;
                continue;
            }
            position++;
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                break;
            }
        }
        while (position < source.length() && isIdentifierPart(source.charAt(position))) {
            position++;
        }
        tokens.add(new JsToken(Kind.REGEX, source.substring(start, position), null, line));
    }

    private void readPunctuator() {
        for (int length = 4; length >= 2; length--) {
            if (position + length > source.length()) {
                continue;
            }
            String candidate = source.substring(position, position + length);
            if (length == 4 && candidate.equals(">>>=") || length == 3 && isThreeCharPunctuator(candidate)
                    || length == 2 && isTwoCharPunctuator(candidate)) {
                add(Kind.PUNCTUATOR, candidate, null, length);
                return;
            }
        }
        add(Kind.PUNCTUATOR, String.valueOf(source.charAt(position)), null, 1);
    }

    private static boolean isThreeCharPunctuator(String candidate) {
        return !candidate.contains(" ") && PUNCTUATORS_3.contains(candidate);
    }

    private boolean isTwoCharPunctuator(String candidate) {
        if (candidate.contains(" ") || !PUNCTUATORS_2.contains(candidate)) {
            return false;
        }
        // "?." followed by a digit is a conditional operator and a number, as in a?.5:1
        int next = position + 2;
        return !candidate.equals("?.") || next >= source.length() || !Character.isDigit(source.charAt(next));
    }

    private boolean regexAllowed() {
        if (tokens.isEmpty()) {
            return true;
        }
        JsToken previous = tokens.getLast();
        return switch (previous.kind()) {
            case IDENTIFIER -> KEYWORDS_BEFORE_EXPRESSION.contains(previous.text());
            case PUNCTUATOR -> !previous.text().equals(")") && !previous.text().equals("]")
                    && !previous.text().equals("}");
            case STRING, TEMPLATE, NUMBER, REGEX -> false;
        };
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '$' || c == '_' || c == '#' || c == '\\' || c > 0x7f
                && Character.isUnicodeIdentifierStart(c);
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '$' || c == '_' || c == '\u200c' || c == '\u200d'
                || c > 0x7f && Character.isUnicodeIdentifierPart(c);
    }
}
