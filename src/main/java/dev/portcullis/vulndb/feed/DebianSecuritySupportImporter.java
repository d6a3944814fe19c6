package dev.portcullis.vulndb.feed;

import dev.portcullis.vulndb.SecuritySupportLimit;
import dev.portcullis.vulndb.SecuritySupportLimit.Kind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports the lists of the Debian package debian-security-support: {@code security-support-limited}
 * (source packages supported only for some uses) and {@code security-support-ended.debNN}
 * (source packages whose support ends before the release's).
 *
 * <p>Input, an ended list: <pre>
 * # List of packages whose security support ends before the distribution EOL
 * pdns            4.7.3-2                 2025-10-01      No security support upstream
 * </pre>
 * Output: {@code debian 12 pdns ENDED}, last supported version 4.7.3-2, ended 2025-10-01.
 *
 * <p>NOTE: the lists do not name their release inside, so the release comes from the {@code .debNN}
 * suffix of the file name. The limited list has no suffix and applies to every Debian release. An
 * ended list without a suffix is rejected, because applying one release's list to the others would
 * be wrong.
 *
 * @see <a href="https://salsa.debian.org/debian/debian-security-support">debian-security-support</a>
 */
final class DebianSecuritySupportImporter implements FeedImporter {

    static final String SOURCE = "debian-security-support";
    static final String LIMITED_HEADER = "# List of packages where security support is limited";
    static final String ENDED_HEADER = "# List of packages whose security support ends";
    private static final Pattern RELEASE_SUFFIX = Pattern.compile(".*\\.deb(\\d+)$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    @Override
    public void importFrom(Path file, ImportSink sink) throws IOException {
        Matcher suffix = RELEASE_SUFFIX.matcher(file.getFileName().toString());
        String release = suffix.matches() ? suffix.group(1) : null;
        Kind kind = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(FeedFiles.open(file), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.startsWith(LIMITED_HEADER)) {
                    kind = Kind.LIMITED;
                } else if (line.startsWith(ENDED_HEADER)) {
                    kind = Kind.ENDED;
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (kind == Kind.ENDED && release == null) {
                    throw new IOException(file + " is an ended list without a .debNN suffix, so its Debian release is unknown;"
                            + " rename it to security-support-ended.debNN");
                }
                if (kind == null) {
                    throw new IOException(file + " is not a debian-security-support list: no \"" + LIMITED_HEADER
                            + "\" or \"" + ENDED_HEADER + "\" line before the first entry");
                }
                String location = file.getFileName() + ":" + number;
                String[] cells = SPACES.split(line.trim(), kind == Kind.ENDED ? 4 : 2);
                if (kind == Kind.LIMITED) {
                    sink.securitySupportLimit(new SecuritySupportLimit("debian", release, cells[0], Kind.LIMITED, null, null,
                            cells.length > 1 ? cells[1] : null, SOURCE));
                } else if (cells.length < 3) {
                    sink.skipped(SOURCE, new ImportWarning(location, "expected package, version and date; line skipped"));
                } else {
                    try {
                        sink.securitySupportLimit(new SecuritySupportLimit("debian", release, cells[0], Kind.ENDED, cells[1],
                                LifecycleDates.parse(cells[2]), cells.length > 3 ? cells[3].trim() : null, SOURCE));
                    } catch (DateTimeParseException e) {
                        sink.skipped(SOURCE, new ImportWarning(location, "invalid date \"" + e.getParsedString() + "\"; line skipped"));
                    }
                }
            }
        }
    }
}
