package dev.portcullis.triage.collect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The lines of a Debian changelog that name vulnerability ids, each with the version of the entry
 * it belongs to.
 *
 * <p>An entry starts with a line such as {@code glibc (2.36-9+deb12u4) bookworm-security; urgency=medium};
 * the lines below it up to the next such line belong to that version. So in
 * <pre>
 * zlib (1:1.2.13.dfsg-1) unstable; urgency=medium
 *
 *   * Fix CVE-2022-37434 in inflateGetHeader.
 * </pre>
 * the mention of {@code CVE-2022-37434} belongs to entry {@code 1:1.2.13.dfsg-1} at line 3.
 *
 * @see <a href="https://www.debian.org/doc/debian-policy/ch-source.html#debian-changelog-debian-changelog">Debian Policy, debian/changelog</a>
 */
public final class DebianChangelog {

    private static final Pattern ENTRY = Pattern.compile("^[a-z0-9][a-z0-9+.-]* \\(([^)\\s]+)\\) .*;.*$");
    private static final Pattern ID = Pattern.compile("\\b(CVE-\\d{4}-\\d{4,}|GHSA(?:-[0-9a-z]{4}){3}|DSA-\\d+-\\d+|DLA-\\d+-\\d+)\\b");
    /** Changelogs of long-lived packages reach a few MiB; a larger file is not a changelog. */
    private static final long MAX_CHARACTERS = 64L * 1024 * 1024;

    /**
     * One line naming a vulnerability id.
     *
     * @param id the id named, for example {@code CVE-2023-4911}
     * @param entryVersion the version of the entry the line belongs to
     * @param lineNumber the 1-based line number in the uncompressed changelog
     * @param line the line, stripped
     */
    public record Mention(String id, String entryVersion, int lineNumber, String line) {}

    private final List<Mention> mentions;

    private DebianChangelog(List<Mention> mentions) {
        this.mentions = List.copyOf(mentions);
    }

    /** Reads a gzip-compressed changelog, as {@code /usr/share/doc/<package>/changelog.Debian.gz} is. */
    public static DebianChangelog readGzip(InputStream in) throws IOException {
        return read(new GZIPInputStream(in));
    }

    public static DebianChangelog read(InputStream in) throws IOException {
        List<Mention> found = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String entryVersion = null;
        long characters = 0;
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            characters += line.length();
            if (characters > MAX_CHARACTERS) {
                throw new IOException("changelog longer than " + MAX_CHARACTERS + " characters");
            }
            Matcher entry = ENTRY.matcher(line);
            if (entry.matches()) {
                entryVersion = entry.group(1);
                continue;
            }
            if (entryVersion == null) {
                continue;
            }
            Matcher id = ID.matcher(line);
            while (id.find()) {
                found.add(new Mention(id.group(1), entryVersion, number, line.strip()));
            }
        }
        return new DebianChangelog(found);
    }

    /** Returns every mention of the id, newest entry first as the changelog lists them. */
    public List<Mention> mentions(String id) {
        return mentions.stream().filter(mention -> mention.id().equalsIgnoreCase(id)).toList();
    }

    public List<Mention> mentions() {
        return mentions;
    }
}
