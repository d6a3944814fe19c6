package dev.portcullis.match.peer;

import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.RangeEvent;
import dev.portcullis.vulndb.VersionRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Test-only adapter: turns Trivy's bolt-database test fixtures (YAML buckets of advisories per data
 * source and package) into our {@link Advisory} records, so that our matcher can run on the same data
 * as Trivy's integration goldens.
 *
 * <p>A fixture file is a list of top-level buckets named {@code <ecosystem>::<data source>}, each with
 * one bucket per package, each with one pair per vulnerability:
 *
 * <pre>{@code
 * - bucket: "npm::GitHub Security Advisory Npm"
 *   pairs:
 *     - bucket: jquery
 *       pairs:
 *         - key: CVE-2019-11358
 *           value: {PatchedVersions: ["3.4.0"], VulnerableVersions: ["< 3.4.0"]}
 * }</pre>
 *
 * <p>Each item of {@code VulnerableVersions} is one range: comparators joined with a comma
 * ({@code ">= 5.3.0, < 5.3.18"}) or a Maven interval ({@code "[2.9.0,2.9.10.7)"}). Buckets of other
 * shapes (distro releases, the {@code vulnerability} details) are not advisories of a language
 * ecosystem and are read by no test here.
 */
final class TrivyDbFixtures {

    /** Trivy's ecosystem prefixes and the package URL types our database keys ecosystems by. */
    private static final Map<String, String> ECOSYSTEMS = Map.of(
            "npm", "npm",
            "pip", "pypi",
            "rubygems", "gem",
            "maven", "maven",
            "go", "golang",
            "cargo", "cargo",
            "composer", "composer",
            "nuget", "nuget");

    /** Trivy's data source names and the source ids the advisories get in our database. */
    private static final Map<String, String> SOURCES = Map.of(
            "GitHub Security Advisory", "ghsa",
            "GitLab Advisory Database Community", "glad",
            "Open Source Vulnerability", "osv");

    private TrivyDbFixtures() {}

    /**
     * Reads the language advisories of one fixture file. An entry without {@code VulnerableVersions}
     * (only patched versions) is returned in {@code withoutRanges} instead, because our model needs
     * the vulnerable range.
     */
    static Result read(Path fixture) throws IOException {
        Object document = new Load(LoadSettings.builder().setLabel(fixture.toString()).build())
                .loadFromString(Files.readString(fixture));
        Map<String, Advisory> advisories = new HashMap<>();
        List<String> withoutRanges = new ArrayList<>();
        for (Object top : list(document)) {
            String bucket = String.valueOf(map(top).get("bucket"));
            int separator = bucket.indexOf("::");
            if (separator < 0 || !ECOSYSTEMS.containsKey(bucket.substring(0, separator))) {
                continue;
            }
            String ecosystem = ECOSYSTEMS.get(bucket.substring(0, separator));
            String source = source(bucket.substring(separator + 2));
            for (Object packageBucket : list(map(top).get("pairs"))) {
                String packageName = String.valueOf(map(packageBucket).get("bucket"));
                for (Object pair : list(map(packageBucket).get("pairs"))) {
                    String id = String.valueOf(map(pair).get("key"));
                    Map<?, ?> value = map(map(pair).get("value"));
                    List<String> vulnerable = strings(value.get("VulnerableVersions"));
                    if (vulnerable.isEmpty()) {
                        withoutRanges.add(bucket + " " + packageName + " " + id);
                        continue;
                    }
                    Affected affected = new Affected(ecosystem, packageName,
                            vulnerable.stream().map(range -> range(ecosystem, range)).toList(), List.of(), null, null,
                            strings(value.get("PatchedVersions")), null, null, null);
                    advisories.merge(source + "\n" + id, advisory(id, source, affected), TrivyDbFixtures::combine);
                }
            }
        }
        return new Result(List.copyOf(advisories.values()), withoutRanges);
    }

    /**
     * The advisories of one fixture file.
     *
     * @param withoutRanges entries left out as {@code <bucket> <package> <id>}
     */
    record Result(List<Advisory> advisories, List<String> withoutRanges) {}

    /** Turns one Trivy range into events, for example {@code ">= 5.3.0, < 5.3.18"} into introduced 5.3.0, fixed 5.3.18. */
    static VersionRange range(String ecosystem, String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("[") || trimmed.startsWith("(")) {
            return interval(ecosystem, trimmed);
        }
        String lower = "0";
        RangeEvent upper = null;
        for (String comparator : trimmed.split(",")) {
            String part = comparator.trim();
            if (part.startsWith(">=")) {
                lower = part.substring(2).trim();
            } else if (part.startsWith("<=")) {
                upper = new RangeEvent(RangeEvent.Kind.LAST_AFFECTED, part.substring(2).trim());
            } else if (part.startsWith("<")) {
                upper = RangeEvent.fixed(part.substring(1).trim());
            } else {
                throw new IllegalArgumentException("unsupported comparator '" + part + "' in range '" + text + "'");
            }
        }
        List<RangeEvent> events = new ArrayList<>();
        events.add(RangeEvent.introduced(lower));
        if (upper != null) {
            events.add(upper);
        }
        return new VersionRange("ECOSYSTEM", ecosystem, events);
    }

    /** Reads a Maven interval such as {@code [2.9.0,2.9.10.7)}. */
    private static VersionRange interval(String ecosystem, String text) {
        String inner = text.substring(1, text.length() - 1);
        String[] bounds = inner.split(",", -1);
        String lower = bounds[0].isBlank() ? "0" : bounds[0].trim();
        List<RangeEvent> events = new ArrayList<>();
        events.add(RangeEvent.introduced(lower));
        if (bounds.length > 1 && !bounds[1].isBlank()) {
            RangeEvent.Kind kind = text.endsWith("]") ? RangeEvent.Kind.LAST_AFFECTED : RangeEvent.Kind.FIXED;
            events.add(new RangeEvent(kind, bounds[1].trim()));
        }
        return new VersionRange("ECOSYSTEM", ecosystem, events);
    }

    private static String source(String dataSource) {
        for (Map.Entry<String, String> entry : SOURCES.entrySet()) {
            if (dataSource.startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        throw new IllegalArgumentException("unknown Trivy data source '" + dataSource + "'");
    }

    private static Advisory advisory(String id, String source, Affected affected) {
        return new Advisory(id, source, List.of(), null, null, null, null, null, List.of(), List.of(),
                List.of(affected), null);
    }

    private static Advisory combine(Advisory first, Advisory second) {
        List<Affected> affected = new ArrayList<>(first.affected());
        affected.addAll(second.affected());
        return first.withAffected(affected);
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }
}
