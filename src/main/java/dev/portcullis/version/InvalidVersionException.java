package dev.portcullis.version;

/**
 * Thrown when a version string cannot be read under a version scheme.
 *
 * <p>The message names the value, the scheme and what is wrong, for example
 * {@code invalid deb version "1:": upstream version is empty}.
 */
public final class InvalidVersionException extends IllegalArgumentException {

    private final String scheme;
    private final String value;

    public InvalidVersionException(String scheme, String value, String reason) {
        super("invalid " + scheme + " version \"" + value + "\": " + reason);
        this.scheme = scheme;
        this.value = value;
    }

    public InvalidVersionException(String scheme, String value, String reason, Throwable cause) {
        this(scheme, value, reason);
        initCause(cause);
    }

    /** The scheme name, as in {@link VersionScheme#versName()}. */
    public String scheme() {
        return scheme;
    }

    /** The rejected version string, unchanged. */
    public String value() {
        return value;
    }
}
