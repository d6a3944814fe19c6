package dev.portcullis.vulndb.feed;

import static dev.portcullis.vulndb.feed.JsonFields.text;
import static dev.portcullis.vulndb.feed.JsonFields.texts;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.DistroStatus;
import dev.portcullis.vulndb.MergeMode;
import dev.portcullis.vulndb.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Imports one record of the Debian tracker's text data in the per-CVE JSON form of Aqua Security's
 * vuln-list ({@code tracker/CVE/2024/CVE-2024-2961.json}, also {@code DSA/} and {@code DLA/}).
 *
 * <p>Each {@code package} annotation keeps its words: {@code Kind} as the status, {@code Version}
 * as the fixed version, {@code Severity} as the urgency, {@code Description} as the note. A line
 * with no {@code Release} states the unstable status, which the tracker also applies to every
 * release that has no line of its own; it is stored under the plain key {@code debian}.
 *
 * <p>Input, shortened: <pre>{@code
 * {"Header": {"ID": "CVE-2023-4641", "Description": "[gpasswd(1) password leak]"},
 *  "Annotations": [
 *   {"Type": "package", "Package": "shadow", "Kind": "fixed", "Version": "1:4.13+dfsg1-2"},
 *   {"Type": "package", "Release": "bookworm", "Package": "shadow", "Kind": "no-dsa", "Description": "Minor issue"}]}
 * }</pre>
 * Output: advisory {@code CVE-2023-4641} with entries {@code debian/shadow} (fixed 1:4.13+dfsg1-2)
 * and {@code debian:12/shadow} (status {@code no-dsa}, note {@code Minor issue}).
 *
 * @see <a href="https://github.com/aquasecurity/vuln-list-debian">vuln-list-debian</a>
 */
final class DebianVulnListImporter implements FeedImporter {

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public void importFrom(Path file, ImportSink sink) throws IOException {
        String name = file.getFileName().toString();
        JsonNode record;
        try (InputStream in = FeedFiles.open(file)) {
            record = mapper.readTree(in);
        } catch (JacksonException e) {
            sink.skipped(DebianTrackerImporter.SOURCE, new ImportWarning(name, "malformed JSON at " + JsonFields.syntaxError(e) + "; record skipped"));
            return;
        }
        String id = text(record.path("Header"), "ID");
        if (id == null) {
            sink.skipped(DebianTrackerImporter.SOURCE, new ImportWarning(name, "no Header.ID; record skipped"));
            return;
        }
        List<Affected> affected = new ArrayList<>();
        List<Severity> severities = new ArrayList<>();
        Set<String> aliases = new LinkedHashSet<>();
        List<String> notes = new ArrayList<>();
        for (JsonNode annotation : record.path("Annotations")) {
            switch (String.valueOf(text(annotation, "Type"))) {
                case "package" -> {
                    packageEntry(annotation, name + "#" + id, sink).ifPresent(affected::add);
                    unstableUrgency(annotation).ifPresent(severities::add);
                }
                case "xref" -> aliases.addAll(texts(annotation, "Bugs"));
                case "NOTE" -> notes.add(text(annotation, "Description"));
                default -> { }
            }
        }
        Advisory advisory = new Advisory(id, DebianTrackerImporter.SOURCE, List.copyOf(aliases),
                headerDescription(text(record.path("Header"), "Description")), notes.isEmpty() ? null : String.join("\n", notes),
                null, null, null, severities, List.of(), affected, null);
        sink.advisory(advisory, MergeMode.MERGE_AFFECTED);
    }

    /** Returns the urgency of a line without a release, which is the tracker's overall rating of the issue. */
    private static Optional<Severity> unstableUrgency(JsonNode annotation) {
        String urgency = text(annotation, "Severity");
        if (urgency == null || text(annotation, "Release") != null) {
            return Optional.empty();
        }
        return Optional.of(new Severity(DebianTrackerImporter.SOURCE, "DEBIAN_URGENCY", null, urgency));
    }

    private static Optional<Affected> packageEntry(JsonNode annotation, String location, ImportSink sink) {
        String packageName = text(annotation, "Package");
        if (packageName == null) {
            sink.warning(new ImportWarning(location, "package annotation without \"Package\"; annotation skipped"));
            return Optional.empty();
        }
        String release = text(annotation, "Release");
        DistroStatus status = new DistroStatus(text(annotation, "Kind"), text(annotation, "Version"),
                text(annotation, "Severity"), null, null, text(annotation, "Description"));
        String ecosystem = release == null ? "debian" : DebianReleases.key(release);
        return Optional.of(new Affected(ecosystem, packageName, DistroRanges.of(status, "deb"), List.of(), null,
                null, DistroRanges.fixedVersions(status), status, null, null));
    }

    /**
     * Returns the header's description without the brackets of the tracker's list format, where
     * {@code (text ...)} is upstream's description cut short and {@code [text]} one Debian wrote.
     */
    static String headerDescription(String description) {
        if (description == null || description.length() < 2) {
            return description;
        }
        char first = description.charAt(0);
        char last = description.charAt(description.length() - 1);
        boolean wrapped = (first == '(' && last == ')') || (first == '[' && last == ']');
        return wrapped ? description.substring(1, description.length() - 1).strip() : description;
    }
}
