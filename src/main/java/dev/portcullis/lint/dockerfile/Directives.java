package dev.portcullis.lint.dockerfile;

import java.util.Map;
import java.util.Optional;

/**
 * Parser directives from the top of a Dockerfile ({@code # syntax=}, {@code # escape=}, {@code # check=}).
 *
 * @param escape the escape character, a backslash unless {@code # escape=`} is set
 * @param values every directive seen, keyed by its lower-case name
 * @see <a href="https://docs.docker.com/reference/dockerfile/#parser-directives">Parser directives</a>
 */
public record Directives(char escape, Map<String, String> values) {

    public Directives {
        values = Map.copyOf(values);
    }

    public Optional<String> syntax() {
        return Optional.ofNullable(values.get("syntax"));
    }

    public Optional<String> check() {
        return Optional.ofNullable(values.get("check"));
    }
}
