package dev.portcullis.vulndb.feed;

import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.DistroStatus;
import dev.portcullis.vulndb.MergeMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports the Debian security tracker's advisory lists ({@code data/DSA/list}, {@code data/DLA/list}):
 * one advisory per DSA or DLA with the CVEs it fixes as aliases and one entry per release line.
 *
 * <p>Input: <pre>{@code
 * [29 Mar 2023] DSA-5380-1 xorg-server - security update
 * 	{CVE-2023-1393}
 * 	[bullseye] - xorg-server 2:1.20.11-1+deb11u6
 * 	[lenny] - openoffice.org <not-affected> (Vulnerable code not present)
 * }</pre>
 * Output: advisory {@code DSA-5380-1} published 2023-03-29, alias {@code CVE-2023-1393}, entry
 * {@code debian:11/xorg-server} with status {@code fixed} and fixed version
 * {@code 2:1.20.11-1+deb11u6}. A word in angle brackets is kept as the status and the bracketed
 * text after it as the note.
 */
final class DebianAdvisoryListImporter implements FeedImporter {

    /** The first line of an advisory, which {@link FeedDetector} also uses to recognize the format. */
    static final Pattern HEADER = Pattern.compile("^\\[(\\d{1,2} \\p{Alpha}{3} \\d{4})]\\s+(\\S+)\\s*(.*?)\\s*$");
    private static final Pattern RELEASE_LINE =
            Pattern.compile("^\\s*\\[(\\S+)]\\s+-\\s+(\\S+)\\s+(?:<([^>]+)>|(\\S+))\\s*(?:\\((.*)\\))?\\s*$");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** An advisory while its lines are read. */
    private static final class Draft {
        final String id;
        final String title;
        final Instant published;
        final List<String> aliases = new ArrayList<>();
        final List<Affected> affected = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        Draft(String id, String title, Instant published) {
            this.id = id;
            this.title = title;
            this.published = published;
        }

        Advisory toAdvisory() {
            return new Advisory(id, DebianTrackerImporter.SOURCE, aliases, title,
                    notes.isEmpty() ? null : String.join("\n", notes), published, null, null, List.of(), List.of(),
                    affected, null);
        }
    }

    @Override
    public void importFrom(Path file, ImportSink sink) throws IOException {
        String name = file.getFileName().toString();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(FeedFiles.open(file), StandardCharsets.UTF_8))) {
            Draft draft = null;
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                Matcher header = HEADER.matcher(line);
                if (header.matches()) {
                    emit(draft, sink);
                    draft = startDraft(header, name + ":" + number, sink);
                } else if (draft != null) {
                    readBodyLine(line.strip(), draft, name + ":" + number, sink);
                } else {
                    sink.warning(new ImportWarning(name + ":" + number, "line before the first advisory header; line skipped"));
                }
            }
            emit(draft, sink);
        }
    }

    private static Draft startDraft(Matcher header, String location, ImportSink sink) {
        Instant published;
        try {
            published = LocalDate.parse(header.group(1), DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            sink.warning(new ImportWarning(location, "invalid date \"" + header.group(1) + "\"; published date left empty"));
            published = null;
        }
        String rest = header.group(3);
        int dash = rest.indexOf(" - ");
        String title = dash < 0 ? rest : rest.substring(0, dash).strip() + " - " + rest.substring(dash + 3).strip();
        return new Draft(header.group(2), title, published);
    }

    private static void readBodyLine(String line, Draft draft, String location, ImportSink sink) {
        if (line.startsWith("{") && line.endsWith("}")) {
            String ids = line.substring(1, line.length() - 1).strip();
            if (!ids.isEmpty()) {
                draft.aliases.addAll(Arrays.asList(ids.split("\\s+")));
            }
            return;
        }
        if (line.startsWith("NOTE:")) {
            draft.notes.add(line.substring("NOTE:".length()).strip());
            return;
        }
        Matcher release = RELEASE_LINE.matcher(line);
        if (!release.matches()) {
            sink.warning(new ImportWarning(location + "#" + draft.id, "unrecognized line \"" + line + "\"; line skipped"));
            return;
        }
        String word = release.group(3);
        DistroStatus status = word == null
                ? new DistroStatus("fixed", release.group(4), null, null, null, release.group(5))
                : new DistroStatus(word, null, null, null, null, release.group(5));
        draft.affected.add(new Affected(DebianReleases.key(release.group(1)), release.group(2),
                DistroRanges.of(status, "deb"), List.of(), null, null, DistroRanges.fixedVersions(status), status, null, null));
    }

    private static void emit(Draft draft, ImportSink sink) {
        if (draft != null) {
            sink.advisory(draft.toAdvisory(), MergeMode.MERGE_AFFECTED);
        }
    }
}
