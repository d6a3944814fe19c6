package dev.portcullis.audit.container;

import dev.portcullis.audit.SourceLocation;

/**
 * An environment variable given to a container.
 *
 * @param value the value after interpolation, or null when the variable is passed through from the
 *     caller's environment ({@code - NAME} in compose, {@code -e NAME} on the command line)
 * @param template the value as written in a compose file before interpolation, or null when the source
 *     has no interpolation
 */
public record EnvVar(String name, String value, String template, SourceLocation location) {

    /** Returns the text written literally in the source: the template when there is one, else the value. */
    public String writtenText() {
        return template != null ? template : value;
    }
}
