package dev.portcullis.image;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * A glob pattern in {@link java.nio.file.FileSystem#getPathMatcher} syntax, matched against absolute,
 * normalized image paths. The literal text before the first and after the last special character
 * is checked on the string first, so most paths are rejected without building a {@link Path}:
 * {@code **}{@code /package.json} tests {@code endsWith("/package.json")} before the full match.
 */
public final class PathGlob {

    private static final String SPECIAL = "*?[]{}\\";

    private final PathMatcher matcher;
    private final String literalPrefix;
    private final String literalSuffix;

    private PathGlob(PathMatcher matcher, String literalPrefix, String literalSuffix) {
        this.matcher = matcher;
        this.literalPrefix = literalPrefix;
        this.literalSuffix = literalSuffix;
    }

    /**
     * Compiles a pattern such as {@code /var/lib/dpkg/status.d/*}.
     *
     * @throws java.util.regex.PatternSyntaxException when the pattern is invalid
     */
    public static PathGlob of(String pattern) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        int first = pattern.length();
        int last = -1;
        for (int i = 0; i < pattern.length(); i++) {
            if (SPECIAL.indexOf(pattern.charAt(i)) >= 0) {
                first = Math.min(first, i);
                last = i;
            }
        }
        if (last < 0) {
            return new PathGlob(matcher, pattern, "");
        }
        return new PathGlob(matcher, pattern.substring(0, first), pattern.substring(last + 1));
    }

    /** Returns the text every matching path starts with, empty when the pattern starts with a special character. */
    public String literalPrefix() {
        return literalPrefix;
    }

    public boolean matches(String path) {
        return path.startsWith(literalPrefix) && path.endsWith(literalSuffix) && matcher.matches(Path.of(path));
    }
}
