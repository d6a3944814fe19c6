package dev.portcullis.vulndb.feed;

import static dev.portcullis.vulndb.feed.JsonFields.text;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.vulndb.ReleaseCycle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Imports Alpine Linux's release branches ({@code https://alpinelinux.org/releases.json}).
 *
 * <p>Input, shortened: <pre>{@code
 * {"latest_stable": "v3.20", "release_branches": [{"rel_branch": "v3.20", "git_branch": "3.20-stable",
 *   "branch_date": "2024-05-22", "eol_date": "2026-04-01",
 *   "releases": [{"version": "3.20.3", "date": "2024-09-06"}]}]}
 * }</pre>
 * Output: release cycle {@code alpine 3.20}, released 2024-05-22, end of life 2026-04-01, latest
 * 3.20.3. The {@code edge} branch has no dates and is left out.
 */
final class AlpineReleasesImporter implements FeedImporter {

    static final String SOURCE = "alpine-releases";

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public void importFrom(Path file, ImportSink sink) throws IOException {
        JsonNode document;
        try (InputStream in = FeedFiles.open(file)) {
            document = mapper.readTree(in);
        } catch (JacksonException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode branches = document == null ? null : document.get("release_branches");
        if (branches == null || !branches.isArray()) {
            throw new IOException(file + " is not an Alpine releases.json: expected a \"release_branches\" array");
        }
        for (JsonNode branch : branches) {
            String name = text(branch, "rel_branch");
            if (name == null || !name.matches("v\\d+\\.\\d+")) {
                continue;
            }
            try {
                sink.releaseCycle(new ReleaseCycle("alpine", name.substring(1), null,
                        LifecycleDates.parse(text(branch, "branch_date")), null, null,
                        LifecycleDates.parse(text(branch, "eol_date")), null, null, latest(branch), SOURCE));
            } catch (DateTimeParseException e) {
                sink.skipped(SOURCE, new ImportWarning(file.getFileName() + "#" + name,
                        "invalid date \"" + e.getParsedString() + "\"; branch skipped"));
            }
        }
    }

    private static String latest(JsonNode branch) {
        JsonNode releases = branch.get("releases");
        if (releases == null || !releases.isArray()) {
            return null;
        }
        List<String> versions = StreamSupport.stream(releases.spliterator(), false)
                .map(release -> text(release, "version"))
                .filter(version -> version != null && version.matches("\\d+(\\.\\d+)*"))
                .toList();
        return versions.stream().max(Comparator.comparing(AlpineReleasesImporter::numbers, Arrays::compare)).orElse(null);
    }

    private static int[] numbers(String version) {
        return Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }
}
