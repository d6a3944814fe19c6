package dev.portcullis.vulndb.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Detects a file's feed from its content, never from its name. A zip archive is OSV. JSON is
 * classified by the names of its top-level fields and, for feeds keyed by package or number, by
 * the fields one and two levels down. A JSON array is classified by the fields of its first element. Text is classified by its first line (EPSS CSV, Debian
 * DSA/DLA list) or by its Alpine secdb keys. Gzip files are decompressed first.
 */
final class FeedDetector {

    private static final int MAX_FIELDS = 64;

    private final JsonFactory json = new JsonFactory();

    Optional<Feed> detect(Path file) throws IOException {
        if (FeedFiles.isZip(file)) {
            return Optional.of(Feed.OSV);
        }
        try (InputStream in = new BufferedInputStream(FeedFiles.open(file))) {
            in.mark(8192);
            int first = firstNonBlank(in);
            in.reset();
            if (first == '{') {
                return detectJson(in);
            }
            if (first != '[') {
                return detectText(in);
            }
            Optional<Feed> array = detectJsonArray(in);
            if (array.isPresent()) {
                return array;
            }
        }
        // Debian's DSA and DLA lists also start with '[' ("[05 Dec 2023] DSA-5572-1 ...").
        try (InputStream in = new BufferedInputStream(FeedFiles.open(file))) {
            return detectText(in);
        }
    }

    private static int firstNonBlank(InputStream in) throws IOException {
        int c;
        do {
            c = in.read();
        } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF);
        return c;
    }

    private Optional<Feed> detectJson(InputStream in) throws IOException {
        List<String> top = new ArrayList<>();
        List<String> child = new ArrayList<>();
        List<String> grandchild = new ArrayList<>();
        try (JsonParser parser = json.createParser(in)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME && top.size() < MAX_FIELDS) {
                top.add(parser.currentName());
                JsonToken value = parser.nextToken();
                if (top.size() == 1 && value == JsonToken.START_OBJECT) {
                    readFirstObjectFields(parser, child, grandchild);
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JsonParseException e) {
            // A file broken after its first fields can still be classified, and its importer reports the damage.
        }
        return classify(top, child, grandchild);
    }

    private Optional<Feed> detectJsonArray(InputStream in) throws IOException {
        List<String> fields = new ArrayList<>();
        try (JsonParser parser = json.createParser(in)) {
            parser.nextToken();
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME && fields.size() < MAX_FIELDS) {
                    fields.add(parser.currentName());
                    parser.nextToken();
                    parser.skipChildren();
                }
            }
        } catch (JsonParseException e) {
            // As for objects: classify by the fields read before the damage.
        }
        if (fields.contains("version") && fields.contains("files")) {
            return Optional.of(Feed.NODEJS_VERSIONS_INDEX);
        }
        return Optional.empty();
    }

    private static void readFirstObjectFields(JsonParser parser, List<String> child, List<String> grandchild) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            child.add(parser.currentName());
            JsonToken value = parser.nextToken();
            if (child.size() == 1 && value == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    grandchild.add(parser.currentName());
                    parser.nextToken();
                    parser.skipChildren();
                }
            } else {
                parser.skipChildren();
            }
        }
    }

    static Optional<Feed> classify(List<String> top, List<String> child, List<String> grandchild) {
        if (top.contains("catalogVersion") || top.contains("dateReleased") && top.contains("vulnerabilities")) {
            return Optional.of(Feed.KEV);
        }
        if (top.contains("release_branches")) {
            return Optional.of(Feed.ALPINE_RELEASES);
        }
        if (top.contains("schema_version") && top.contains("result")) {
            return Optional.of(Feed.ENDOFLIFE_DATE);
        }
        if (!top.isEmpty() && top.getFirst().matches("v\\d+(\\.\\d+)?") && child.contains("start") && child.contains("end")) {
            return Optional.of(Feed.NODE_RELEASE_SCHEDULE);
        }
        if (top.contains("Header") && top.contains("Annotations")) {
            return Optional.of(Feed.DEBIAN_VULN_LIST);
        }
        if (top.contains("distroversion") || top.contains("reponame") && top.contains("packages")) {
            return Optional.of(Feed.ALPINE_SECDB);
        }
        if (top.contains("resultsPerPage") || top.contains("sourceIdentifier") || top.contains("cve")
                || top.contains("descriptions") && top.contains("id")) {
            return Optional.of(Feed.NVD);
        }
        if (top.contains("id") && (top.contains("affected") || top.contains("modified") || top.contains("schema_version"))) {
            return Optional.of(Feed.OSV);
        }
        if (!top.isEmpty() && top.getFirst().chars().allMatch(Character::isDigit)
                && (child.contains("vulnerable") || child.contains("patched"))) {
            return Optional.of(Feed.NODEJS_CORE);
        }
        if (!child.isEmpty() && (child.getFirst().startsWith("CVE-") || child.getFirst().startsWith("TEMP-"))
                && grandchild.contains("releases")) {
            return Optional.of(Feed.DEBIAN_TRACKER);
        }
        return Optional.empty();
    }

    private static Optional<Feed> detectText(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        boolean distroversion = false;
        boolean secfixes = false;
        for (int i = 0; i < 200; i++) {
            String line = reader.readLine();
            if (line == null) {
                break;
            }
            if (i == 0 && (line.startsWith("#model_version") || line.startsWith("cve,epss"))) {
                return Optional.of(Feed.EPSS);
            }
            if (i == 0 && DebianAdvisoryListImporter.HEADER.matcher(line).matches()) {
                return Optional.of(Feed.DEBIAN_ADVISORY_LIST);
            }
            if (i == 0 && line.startsWith(DistroInfoImporter.HEADER_START)) {
                return Optional.of(Feed.DISTRO_INFO);
            }
            if (line.startsWith(DebianSecuritySupportImporter.LIMITED_HEADER)
                    || line.startsWith(DebianSecuritySupportImporter.ENDED_HEADER)) {
                return Optional.of(Feed.DEBIAN_SECURITY_SUPPORT);
            }
            distroversion |= line.startsWith("distroversion:");
            secfixes |= line.trim().startsWith("secfixes:") || line.startsWith("packages:");
            if (distroversion && secfixes) {
                return Optional.of(Feed.ALPINE_SECDB);
            }
        }
        return Optional.empty();
    }
}
