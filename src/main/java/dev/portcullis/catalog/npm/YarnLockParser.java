package dev.portcullis.catalog.npm;

import dev.portcullis.image.Skipped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses yarn.lock files of yarn 1 (its own indented format) and yarn 2 and later ("berry", a YAML
 * subset with a {@code __metadata} entry). Both list one entry per resolved package, keyed by every
 * descriptor ({@code name@range}) that resolved to it:
 *
 * <pre>{@code
 * "js-tokens@^3.0.0 || ^4.0.0", js-tokens@^4.0.0:      "js-tokens@npm:^4.0.0":
 *   version "4.0.0"                                      version: 4.0.0
 *   resolved "https://registry.yarnpkg.com/..."          resolution: "js-tokens@npm:4.0.0"
 * }</pre>
 *
 * Both give js-tokens 4.0.0. The lockfile does not say which packages the project names, so direct and
 * development flags come from the package.json beside it, walking the entries' {@code dependencies}.
 * The project's own workspace entry ({@code name@workspace:.}) is the project and is not returned.
 *
 * @see <a href="https://classic.yarnpkg.com/lang/en/docs/yarn-lock/">yarn.lock (yarn 1)</a>
 * @see <a href="https://yarnpkg.com/configuration/yarnrc#lockfileFilename">yarn.lock (yarn berry)</a>
 */
final class YarnLockParser {

    private static final Logger LOG = LoggerFactory.getLogger(YarnLockParser.class);

    /** One lockfile entry: its descriptors, its scalar fields and its nested maps such as dependencies. */
    private record Entry(List<String> descriptors, Map<String, String> fields, Map<String, Map<String, String>> sections) {

        String name() {
            return nameOf(descriptors.getFirst());
        }

        String resolution() {
            String resolution = fields.get("resolution");
            return resolution != null ? resolution : fields.get("resolved");
        }
    }

    /** A registry tarball URL: the package name, then {@code /-/}, then the file name. */
    private static final Pattern REGISTRY_TARBALL = Pattern.compile("https?://[^/]+/((?:@[^/]+/)?[^/@]+)/-/[^/]+\\.tgz(#.*)?");

    private final String location;
    private final Consumer<Skipped> skipped;
    private final Set<LockEdge> edges = new LinkedHashSet<>();

    YarnLockParser(String location, Consumer<Skipped> skipped) {
        this.location = location;
        this.skipped = skipped;
    }

    /**
     * Returns every package entry.
     *
     * @param manifest the package.json beside the lockfile, or null when there is none
     */
    List<LockedPackage> parse(String text, PackageJson manifest) {
        List<Entry> entries = readEntries(text);
        Map<String, Entry> byDescriptor = new HashMap<>();
        entries.forEach(entry -> entry.descriptors().forEach(descriptor -> byDescriptor.put(descriptor, entry)));

        DependencyGraph<Entry> graph = new DependencyGraph<>();
        for (Entry entry : entries) {
            for (String section : List.of("dependencies", "optionalDependencies")) {
                entry.sections().getOrDefault(section, Map.of()).forEach((name, range) -> {
                    Entry target = lookup(byDescriptor, name, range);
                    if (target != null) {
                        graph.addEdge(entry, target);
                    }
                });
            }
        }
        Map<Entry, String> scopes = Map.of();
        List<Entry> directEntries = List.of();
        if (manifest != null) {
            List<Entry> productionRoots = resolveAll(byDescriptor, manifest.dependencies(), manifest.optionalDependencies(),
                    manifest.peerDependencies());
            List<Entry> developmentRoots = resolveAll(byDescriptor, manifest.devDependencies());
            scopes = graph.scopes(productionRoots, developmentRoots);
            directEntries = new ArrayList<>(productionRoots);
            directEntries.addAll(developmentRoots);
        }

        graph.forEachEdge((from, to) -> edges.add(new LockEdge(from.descriptors().getFirst(), to.descriptors().getFirst())));
        directEntries.forEach(entry -> edges.add(new LockEdge(null, entry.descriptors().getFirst())));

        List<LockedPackage> packages = new ArrayList<>();
        for (Entry entry : entries) {
            LockedPackage locked = toLocked(entry, manifest, scopes, directEntries);
            if (locked != null) {
                packages.add(locked);
            }
        }
        return packages;
    }

    /**
     * Returns the edges that {@link #parse} found, keyed by each entry's first descriptor, with the
     * project's own dependencies from the package.json as edges from a null key.
     */
    Set<LockEdge> edges() {
        return Set.copyOf(edges);
    }

    private LockedPackage toLocked(Entry entry, PackageJson manifest, Map<Entry, String> scopes, List<Entry> directEntries) {
        String descriptor = entry.descriptors().getFirst();
        String resolution = entry.resolution() == null ? "" : entry.resolution();
        if (descriptor.equals("__metadata") || resolution.endsWith("@workspace:.")) {
            return null;
        }
        // link: and portal: point at folders of the project itself, not at packages.
        if (resolution.contains("@link:") || resolution.contains("@portal:")) {
            LOG.debug("{}: {} is a local folder link, not a package", location, descriptor);
            return null;
        }
        String version = entry.fields().get("version");
        if (version == null || version.isBlank()) {
            skipped.accept(new Skipped(location + ": " + descriptor, "lockfile entry has no version; the package is left out"));
            return null;
        }
        String name = realName(entry);
        String alias = name.equals(entry.name()) ? null : entry.name();
        String integrity = entry.fields().containsKey("integrity") ? entry.fields().get("integrity") : entry.fields().get("checksum");
        return new LockedPackage(
                name,
                version,
                descriptor,
                scopes.get(entry),
                manifest == null ? null : directEntries.contains(entry),
                false,
                false,
                false,
                resolution.contains("@workspace:"),
                false,
                alias,
                resolution.isEmpty() ? null : resolution,
                integrity,
                List.of());
    }

    /**
     * Returns the name of the package that was downloaded: berry's resolution names it, and yarn 1's
     * registry URL ({@code https://registry.yarnpkg.com/@4lolo/resize-observer-polyfill/-/...tgz}) does
     * even when the descriptor uses another name.
     */
    private static String realName(Entry entry) {
        String resolution = entry.fields().get("resolution");
        if (resolution != null) {
            return nameOf(resolution);
        }
        Matcher registryUrl = REGISTRY_TARBALL.matcher(entry.fields().getOrDefault("resolved", ""));
        if (registryUrl.matches()) {
            return URLDecoder.decode(registryUrl.group(1), StandardCharsets.UTF_8);
        }
        String descriptor = entry.descriptors().getFirst();
        String range = descriptor.substring(entry.name().length() + 1);
        if (range.startsWith("npm:") && range.indexOf('@', "npm:".length() + 1) > 0) {
            return nameOf(range.substring("npm:".length()));
        }
        return entry.name();
    }

    @SafeVarargs
    private static List<Entry> resolveAll(Map<String, Entry> byDescriptor, Map<String, String>... groups) {
        List<Entry> resolved = new ArrayList<>();
        for (Map<String, String> group : groups) {
            group.forEach((name, range) -> {
                Entry entry = lookup(byDescriptor, name, range);
                if (entry != null) {
                    resolved.add(entry);
                }
            });
        }
        return resolved;
    }

    /** Finds the entry for a dependency; berry keys npm ranges as {@code name@npm:range}. */
    private static Entry lookup(Map<String, Entry> byDescriptor, String name, String range) {
        Entry entry = byDescriptor.get(name + "@" + range);
        return entry != null ? entry : byDescriptor.get(name + "@npm:" + range);
    }

    /** Returns the package name of a descriptor, keeping the scope: {@code @babel/core@^7} gives {@code @babel/core}. */
    static String nameOf(String descriptor) {
        int at = descriptor.indexOf('@', 1);
        return at < 0 ? descriptor : descriptor.substring(0, at);
    }

    private static List<Entry> readEntries(String text) {
        List<Entry> entries = new ArrayList<>();
        Entry current = null;
        Map<String, String> section = null;
        for (String line : text.split("\\R")) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            String content = line.strip();
            if (indent == 0) {
                current = new Entry(descriptors(content), new LinkedHashMap<>(), new LinkedHashMap<>());
                entries.add(current);
                section = null;
            } else if (current == null) {
                continue;
            } else if (indent <= 2) {
                String[] pair = keyValue(content);
                if (pair[1].isEmpty() && content.endsWith(":")) {
                    section = new LinkedHashMap<>();
                    current.sections().put(pair[0], section);
                } else {
                    current.fields().put(pair[0], pair[1]);
                    section = null;
                }
            } else if (indent <= 4 && section != null) {
                String[] pair = keyValue(content);
                section.put(pair[0], pair[1]);
            }
            // Deeper lines (berry's dependenciesMeta flags) carry nothing that cataloging reads.
        }
        return entries;
    }

    /** Splits a header such as {@code "a@^1.0.0", a@^1.1.0:} or berry's {@code "a@npm:^1.0.0, a@npm:^1.1.0":}. */
    private static List<String> descriptors(String header) {
        String withoutColon = header.endsWith(":") ? header.substring(0, header.length() - 1) : header;
        List<String> descriptors = new ArrayList<>();
        for (String part : withoutColon.split(",")) {
            String descriptor = unquote(part.strip());
            if (!descriptor.isEmpty()) {
                descriptors.add(descriptor);
            }
        }
        return descriptors.isEmpty() ? List.of(withoutColon) : descriptors;
    }

    /** Splits {@code key "value"} (yarn 1) or {@code key: value} (berry); either side may be quoted. */
    private static String[] keyValue(String content) {
        String key;
        String rest;
        if (content.startsWith("\"")) {
            int close = content.indexOf('"', 1);
            key = content.substring(1, close < 0 ? content.length() : close);
            rest = close < 0 ? "" : content.substring(close + 1);
        } else {
            int space = content.indexOf(' ');
            int colon = content.indexOf(": ");
            int end = colon >= 0 && (space < 0 || colon < space) ? colon : space;
            key = end < 0 ? content : content.substring(0, end);
            rest = end < 0 ? "" : content.substring(end);
        }
        if (key.endsWith(":")) {
            key = key.substring(0, key.length() - 1);
        }
        rest = rest.strip();
        if (rest.startsWith(":")) {
            rest = rest.substring(1).strip();
        }
        return new String[] {key, unquote(rest)};
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
