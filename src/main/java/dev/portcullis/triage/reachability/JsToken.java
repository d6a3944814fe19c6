package dev.portcullis.triage.reachability;

/**
 * One token of JavaScript source as {@link JsTokenizer} reads it.
 *
 * @param kind what the token is
 * @param text the identifier or punctuator as written; for strings and templates the raw source
 * @param value the decoded value of a string literal or of a template without substitutions, else null
 * @param line 1-based line where the token starts
 */
record JsToken(Kind kind, String text, String value, int line) {

    enum Kind {
        IDENTIFIER,
        STRING,
        /** A whole template without substitutions, or the head of one with substitutions. */
        TEMPLATE,
        NUMBER,
        REGEX,
        PUNCTUATOR
    }

    boolean is(String punctuatorOrName) {
        return (kind == Kind.PUNCTUATOR || kind == Kind.IDENTIFIER) && text.equals(punctuatorOrName);
    }

    boolean isIdentifier() {
        return kind == Kind.IDENTIFIER;
    }

    /** Tests whether the token is a string literal or a template without substitutions. */
    boolean isLiteralString() {
        return (kind == Kind.STRING || kind == Kind.TEMPLATE) && value != null;
    }
}
