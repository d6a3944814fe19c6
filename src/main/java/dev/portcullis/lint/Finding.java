package dev.portcullis.lint;

import dev.portcullis.lint.dockerfile.SourceRange;

/**
 * One rule violation at one place in a Dockerfile; this is the evidence a report shows.
 *
 * @param rule the rule that fired
 * @param severity the severity after configuration overrides
 * @param message what is wrong and what to do, with secret values redacted
 * @param file the Dockerfile
 * @param range the instruction the finding points at
 */
public record Finding(RuleInfo rule, Severity severity, String message, String file, SourceRange range) {

    /** Returns {@code file:line:column}. */
    public String location() {
        return file + ":" + range.startLine() + ":" + range.startColumn();
    }
}
