package dev.portcullis.catalog.python;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One logical line of a pip requirements file, read as a pinned requirement when it is one.
 *
 * <pre>
 * requests[security]==2.22.0 ; python_version >= "3.7"  --hash=sha256:...
 * </pre>
 *
 * @see <a href="https://pip.pypa.io/en/stable/reference/requirements-file-format/">Requirements file format</a>
 */
record RequirementsLine(String name, String version) {

    /** A distribution name as PEP 508 allows it, optional extras, then {@code ==} or {@code ===} and a version. */
    private static final Pattern PINNED = Pattern.compile(
            "^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(?:\\[[^\\]]*\\])?\\s*===?\\s*([^\\s,;*]+)\\s*$");

    /** Removes a comment, which starts at {@code #} at the line start or after whitespace. */
    static String withoutComment(String line) {
        Matcher comment = Pattern.compile("(^|\\s)#").matcher(line);
        return comment.find() ? line.substring(0, comment.start()) : line;
    }

    /**
     * Parses a requirement without its comment. Returns empty when it is not an exact pin, for example
     * {@code flask>=2.0}, {@code flask==2.*}, two constraints or a URL.
     */
    static Optional<RequirementsLine> parse(String requirement) {
        int marker = requirement.indexOf(';');
        String withoutMarker = marker >= 0 ? requirement.substring(0, marker) : requirement;
        String withoutOptions = withoutMarker.replaceAll("\\s--?[a-z-]+(=\\S*)?", " ").strip();
        Matcher matcher = PINNED.matcher(withoutOptions);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new RequirementsLine(matcher.group(1), matcher.group(2)));
    }
}
