package dev.portcullis.vulndb.feed;

import static dev.portcullis.vulndb.feed.JsonFields.instant;
import static dev.portcullis.vulndb.feed.JsonFields.raw;
import static dev.portcullis.vulndb.feed.JsonFields.text;
import static dev.portcullis.vulndb.feed.JsonFields.texts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.RangeEvent;
import dev.portcullis.vulndb.Reference;
import dev.portcullis.vulndb.Severity;
import dev.portcullis.vulndb.VersionRange;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one OSV JSON record into an {@link Advisory}. Unusable parts of a record (an affected
 * entry of an unknown ecosystem, a range without an {@code introduced} event) are left out with a
 * warning; a record left with no affected entry at all, or with no {@code id}, is rejected.
 *
 * <p>Input, shortened: <pre>{@code
 * {"id": "GHSA-35jh-r3h4-6jhm", "aliases": ["CVE-2021-23337"],
 *  "affected": [{"package": {"ecosystem": "npm", "name": "lodash"},
 *                "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "4.17.21"}]}]}]}
 * }</pre>
 * Output: advisory {@code GHSA-35jh-r3h4-6jhm} of source {@code ghsa} with one affected entry
 * {@code npm/lodash}, range scheme {@code npm}, events introduced 0 and fixed 4.17.21.
 *
 * @see <a href="https://ossf.github.io/osv-schema/">OSV schema</a>
 */
final class OsvRecordParser {

    private static final Logger LOG = LoggerFactory.getLogger(OsvRecordParser.class);

    /** A record that cannot be imported, with the reason. */
    static final class RejectedRecordException extends Exception {
        RejectedRecordException(String message) {
            super(message);
        }
    }

    private final List<ImportWarning> warnings = new ArrayList<>();

    /** Warnings about parts left out of the records parsed so far. */
    List<ImportWarning> warnings() {
        return warnings;
    }

    Advisory parse(JsonNode record, String location) throws RejectedRecordException {
        String id = text(record, "id");
        if (id == null || id.isBlank()) {
            throw new RejectedRecordException("record has no \"id\"");
        }
        String where = location + "#" + id;
        JsonNode affectedNodes = record.path("affected");
        List<Affected> affected = new ArrayList<>();
        for (JsonNode node : affectedNodes) {
            parseAffected(node, where).ifPresent(affected::add);
        }
        if (affected.isEmpty() && !affectedNodes.isEmpty()) {
            throw new RejectedRecordException(affectedNodes.size() == 1 ? "its only affected entry is not usable"
                    : "none of its " + affectedNodes.size() + " affected entries is usable");
        }
        String source = sourceName(id, affectedNodes);
        try {
            return new Advisory(id, source, texts(record, "aliases"), text(record, "summary"), text(record, "details"),
                    instant(text(record, "published")), instant(text(record, "modified")),
                    instant(text(record, "withdrawn")), severities(record, source), references(record), affected,
                    raw(record, "database_specific"));
        } catch (DateTimeParseException e) {
            throw new RejectedRecordException("invalid date \"" + e.getParsedString() + "\"");
        }
    }

    /** Names the source: {@code ghsa} for GitHub advisories, else {@code osv-} and the ecosystem. */
    static String sourceName(String id, JsonNode affectedNodes) {
        if (id.startsWith("GHSA-")) {
            return "ghsa";
        }
        for (JsonNode node : affectedNodes) {
            String ecosystem = text(node.path("package"), "ecosystem");
            if (ecosystem != null) {
                int colon = ecosystem.indexOf(':');
                String base = colon < 0 ? ecosystem : ecosystem.substring(0, colon);
                return "osv-" + base.toLowerCase(Locale.ROOT);
            }
        }
        return "osv";
    }

    private Optional<Affected> parseAffected(JsonNode node, String where) {
        JsonNode pkg = node.path("package");
        String ecosystemName = text(pkg, "ecosystem");
        String name = text(pkg, "name");
        Optional<Ecosystems.Ecosystem> ecosystem = Ecosystems.ofOsv(ecosystemName);
        if (ecosystem.isEmpty() || name == null) {
            String reason = name == null ? "affected entry has no package name"
                    : "unknown ecosystem \"" + ecosystemName + "\" for package " + name;
            warnings.add(new ImportWarning(where, reason + "; entry skipped"));
            return Optional.empty();
        }
        List<VersionRange> ranges = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        for (JsonNode range : node.path("ranges")) {
            parseRange(range, ecosystem.get().scheme(), where + " " + name).ifPresent(r -> {
                ranges.add(r);
                r.events().stream().filter(e -> e.kind() == RangeEvent.Kind.FIXED).map(RangeEvent::version)
                        .filter(v -> !fixed.contains(v)).forEach(fixed::add);
            });
        }
        List<String> versions = texts(node, "versions");
        if (ranges.isEmpty() && versions.isEmpty()) {
            warnings.add(new ImportWarning(where, "affected entry " + name + " has no usable range and no versions; entry skipped"));
            return Optional.empty();
        }
        return Optional.of(new Affected(ecosystem.get().key(), name, ranges, versions, null, null, fixed, null,
                raw(node, "ecosystem_specific"), raw(node, "database_specific")));
    }

    private Optional<VersionRange> parseRange(JsonNode range, String ecosystemScheme, String where) {
        String type = text(range, "type");
        if ("GIT".equals(type)) {
            // Commit ranges need the source repository, which an image does not carry.
            LOG.debug("{}: GIT range skipped", where);
            return Optional.empty();
        }
        if (!"ECOSYSTEM".equals(type) && !"SEMVER".equals(type)) {
            warnings.add(new ImportWarning(where, "unknown range type \"" + type + "\"; range skipped"));
            return Optional.empty();
        }
        List<RangeEvent> events = new ArrayList<>();
        for (JsonNode event : range.path("events")) {
            event.properties().forEach(field -> kind(field.getKey())
                    .ifPresent(kind -> events.add(new RangeEvent(kind, field.getValue().asText()))));
        }
        if (events.stream().noneMatch(e -> e.kind() == RangeEvent.Kind.INTRODUCED)) {
            warnings.add(new ImportWarning(where, "range has no \"introduced\" event; range skipped"));
            return Optional.empty();
        }
        String scheme = "SEMVER".equals(type) ? "semver" : ecosystemScheme;
        return Optional.of(new VersionRange(type, scheme, events));
    }

    private static Optional<RangeEvent.Kind> kind(String field) {
        for (RangeEvent.Kind kind : RangeEvent.Kind.values()) {
            if (kind.osvName().equals(field)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private static List<Severity> severities(JsonNode record, String source) {
        List<Severity> result = new ArrayList<>();
        for (JsonNode severity : record.path("severity")) {
            result.add(new Severity(source, text(severity, "type"), null, text(severity, "score")));
        }
        String level = text(record.path("database_specific"), "severity");
        if (level != null && "ghsa".equals(source)) {
            result.add(new Severity(source, "GHSA", null, level));
        }
        return result;
    }

    private static List<Reference> references(JsonNode record) {
        List<Reference> result = new ArrayList<>();
        for (JsonNode reference : record.path("references")) {
            String url = text(reference, "url");
            if (url != null) {
                String type = text(reference, "type");
                result.add(new Reference(type == null ? "WEB" : type, url));
            }
        }
        return result;
    }
}
