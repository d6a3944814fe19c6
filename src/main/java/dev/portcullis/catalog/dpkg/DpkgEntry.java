package dev.portcullis.catalog.dpkg;

import dev.portcullis.catalog.LayerAttribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One package stanza of a dpkg database, checked against dpkg's rules for names, versions and the
 * {@code Status} and {@code Source} fields.
 *
 * <p>Example: {@code Package: libgcc1}, {@code Version: 1:5.1.1-12ubuntu1} and
 * {@code Source: gcc-5 (5.1.1-12ubuntu1)} give the source {@code gcc-5} at {@code 5.1.1-12ubuntu1}. Without
 * a version in parentheses the source version is the binary version, and without a {@code Source}
 * field the source is the package itself.
 *
 * @param status the {@code Status} field, or null when the stanza has none (distroless status.d files)
 * @param conffiles paths from the {@code Conffiles} field
 * @param depends the {@code Pre-Depends} and {@code Depends} fields joined with a comma, or null when
 *     the stanza has neither
 * @param provides the {@code Provides} field, or null
 * @see <a href="https://man7.org/linux/man-pages/man1/dpkg.1.html">dpkg(1), package states</a>
 */
record DpkgEntry(
        String name,
        String version,
        String architecture,
        String sourceName,
        String sourceVersion,
        boolean sourceDeclared,
        String status,
        String multiArch,
        String maintainer,
        String license,
        List<String> conffiles,
        String depends,
        String provides) {

    // The package states in which the package's files are unpacked and configured. "deinstall ok
    // installed" is still on disk (only marked for removal), so the wanted action is not consulted.
    private static final Set<String> INSTALLED_STATES = Set.of("installed", "triggers-awaited", "triggers-pending");
    private static final Set<String> KNOWN_STATES = Set.of("not-installed", "config-files", "half-installed",
            "unpacked", "half-configured", "triggers-awaited", "triggers-pending", "installed");

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]*");
    private static final Pattern SOURCE = Pattern.compile("(\\S+)(?:\\s*\\((\\S+)\\))?");
    private static final Pattern EPOCH = Pattern.compile("\\d+");
    private static final Pattern UPSTREAM = Pattern.compile("[A-Za-z0-9.+~:-]+");
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9.+~]+");

    private static String joinRelations(String preDepends, String depends) {
        if (preDepends == null || preDepends.isBlank()) {
            return depends;
        }
        return depends == null || depends.isBlank() ? preDepends : preDepends + ", " + depends;
    }

    /** Returns the key that identifies this package across layers. */
    String key() {
        return LayerAttribution.key(name, version, architecture);
    }

    /** Returns true when the package's files are on disk and configured, or when no Status is given. */
    boolean installed() {
        return status == null || INSTALLED_STATES.contains(status.split("\\s+")[2]);
    }

    /**
     * Reads a stanza.
     *
     * @throws IllegalArgumentException naming what is missing or malformed
     */
    static DpkgEntry from(ControlStanza stanza) {
        if (stanza.error() != null) {
            throw new IllegalArgumentException(stanza.error());
        }
        String name = stanza.field("Package");
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("the Package field is missing or empty");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("the package name \"" + name + "\" is not a valid dpkg package name");
        }

        String version = requireVersion(stanza.field("Version"), "Version of " + name);

        String status = stanza.field("Status");
        if (status != null) {
            String[] words = status.split("\\s+");
            if (words.length != 3 || !KNOWN_STATES.contains(words[2])) {
                throw new IllegalArgumentException("the Status \"" + status + "\" of " + name
                        + " is not \"<want> <flag> <state>\" with a known state");
            }
        }

        String sourceName = name;
        String sourceVersion = version;
        String source = stanza.field("Source");
        if (source != null && !source.isEmpty()) {
            Matcher matcher = SOURCE.matcher(source);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("the Source \"" + source + "\" of " + name
                        + " is not \"name\" or \"name (version)\"");
            }
            sourceName = matcher.group(1);
            if (matcher.group(2) != null) {
                sourceVersion = requireVersion(matcher.group(2), "Source version of " + name);
            }
        }

        return new DpkgEntry(name, version, stanza.field("Architecture"), sourceName, sourceVersion,
                source != null && !source.isEmpty(), status, stanza.field("Multi-Arch"), stanza.field("Maintainer"),
                stanza.field("License"), conffiles(stanza.field("Conffiles")),
                joinRelations(stanza.field("Pre-Depends"), stanza.field("Depends")), stanza.field("Provides"));
    }

    // A version is [epoch:]upstream[-revision]: the epoch is a number, the revision follows the last
    // hyphen, and only alphanumerics and . + ~ (plus - and : in the upstream part) are allowed.
    private static String requireVersion(String version, String what) {
        if (version == null || version.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " is missing or empty");
        }
        String rest = version;
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            if (!EPOCH.matcher(rest.substring(0, colon)).matches()) {
                throw invalidVersion(version, what, "the epoch before ':' is not a number");
            }
            rest = rest.substring(colon + 1);
        }
        int hyphen = rest.lastIndexOf('-');
        String upstream = hyphen >= 0 ? rest.substring(0, hyphen) : rest;
        if (upstream.isEmpty() || !UPSTREAM.matcher(upstream).matches()) {
            throw invalidVersion(version, what, "the upstream version is empty or has a character other than "
                    + "letters, digits and . + ~ - :");
        }
        if (hyphen >= 0 && !REVISION.matcher(rest.substring(hyphen + 1)).matches()) {
            throw invalidVersion(version, what, "the revision after the last '-' is empty or has a character "
                    + "other than letters, digits and . + ~");
        }
        return version;
    }

    private static IllegalArgumentException invalidVersion(String version, String what, String reason) {
        return new IllegalArgumentException("the " + what + " \"" + version + "\" is invalid: " + reason);
    }

    private static List<String> conffiles(String field) {
        List<String> paths = new ArrayList<>();
        if (field == null) {
            return paths;
        }
        for (String line : field.split("\n")) {
            String[] words = line.strip().split("\\s+");
            if (!words[0].isEmpty()) {
                paths.add(words[0]);
            }
        }
        return List.copyOf(paths);
    }
}
