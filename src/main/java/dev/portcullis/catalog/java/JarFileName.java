package dev.portcullis.catalog.java;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name and version in an archive's file name as Maven writes it: {@code artifactId-version.jar},
 * for example {@code log4j-core-2.14.1.jar} or {@code guava-27.0-jre.jar}.
 *
 * @param stem the file name without directory and extension
 * @param name the part before the version, or the whole stem when no version is found
 * @param version the part from the first {@code -} followed by a digit, or null
 */
record JarFileName(String stem, String name, String version) {

    private static final Pattern NAME_VERSION = Pattern.compile("^(.+?)-(\\d[^/]*)$");

    static JarFileName of(String path) {
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        Matcher matcher = NAME_VERSION.matcher(stem);
        if (matcher.matches()) {
            return new JarFileName(stem, matcher.group(1), matcher.group(2));
        }
        return new JarFileName(stem, stem, null);
    }
}
