package dev.portcullis.vulndb.feed;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.DistroStatus;
import dev.portcullis.vulndb.MergeMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * Imports an Alpine secdb file, JSON as served by secdb.alpinelinux.org or YAML as in the older
 * alpine-secdb repository. Both have the same shape.
 *
 * <p>Input, shortened: <pre>{@code
 * distroversion: v3.11
 * reponame: main
 * packages:
 *   - pkg:
 *       name: musl
 *       secfixes:
 *         1.1.24-r2: [CVE-2020-28928]
 *         "0": [CVE-2019-0001]
 * }</pre>
 * Output: advisory {@code CVE-2020-28928} with entry {@code alpine:3.11/musl} fixed in
 * {@code 1.1.24-r2}; advisory {@code CVE-2019-0001} with status {@code fixed} and fixed version
 * {@code "0"}, which means the package was never affected. Ids after the first on a line, such as
 * {@code CVE-2019-5060 TALOS-2019-0844}, become aliases.
 *
 * @see <a href="https://secdb.alpinelinux.org/">Alpine secdb</a>
 */
final class AlpineSecdbImporter implements FeedImporter {

    static final String SOURCE = "alpine-secdb";

    @Override
    public void importFrom(Path file, ImportSink sink) throws IOException {
        String name = file.getFileName().toString();
        Object document;
        try (InputStream in = FeedFiles.open(file)) {
            document = parse(in);
        } catch (YamlEngineException | JacksonException e) {
            throw new IOException(file + " is not valid secdb YAML or JSON: " + e.getMessage().replaceAll("\\s+", " ").strip(), e);
        }
        if (!(document instanceof Map<?, ?> root) || !(root.get("distroversion") instanceof String version)) {
            throw new IOException(file + " has no \"distroversion\": not an Alpine secdb file");
        }
        String ecosystem = "alpine:" + Ecosystems.stripV(version);
        Object repository = root.get("reponame");
        String specific = repository == null ? null
                : new ObjectMapper().createObjectNode().put("repository", repository.toString()).toString();
        Map<String, List<Affected>> byId = new LinkedHashMap<>();
        Map<String, Set<String>> aliases = new LinkedHashMap<>();
        List<?> packages = root.get("packages") instanceof List<?> list ? list : List.of();
        for (Object item : packages) {
            readPackage(item, ecosystem, specific, name, byId, aliases, sink);
        }
        for (Map.Entry<String, List<Affected>> entry : byId.entrySet()) {
            sink.advisory(new Advisory(entry.getKey(), SOURCE, List.copyOf(aliases.get(entry.getKey())), null, null, null,
                    null, null, List.of(), List.of(), entry.getValue(), null), MergeMode.MERGE_AFFECTED);
        }
    }

    private static Object parse(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        String text = new String(bytes, StandardCharsets.UTF_8).stripLeading();
        if (text.startsWith("{")) {
            return new ObjectMapper().readValue(text, Object.class);
        }
        Load load = new Load(LoadSettings.builder().setSchema(new TextSchema()).build());
        return load.loadFromString(text);
    }

    /**
     * The failsafe schema, which keeps every scalar as text so that a version key such as
     * {@code 1.10} never turns into the number 1.1, plus empty values (a version key with no ids)
     * read as null.
     */
    private static final class TextSchema extends FailsafeSchema {
        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
            Map<Tag, ConstructNode> constructors = new HashMap<>(super.getSchemaTagConstructors());
            constructors.put(Tag.NULL, node -> null);
            return constructors;
        }
    }

    private static void readPackage(Object item, String ecosystem, String specific, String file,
            Map<String, List<Affected>> byId, Map<String, Set<String>> aliases, ImportSink sink) {
        Object pkg = item instanceof Map<?, ?> wrapper ? wrapper.get("pkg") : null;
        if (!(pkg instanceof Map<?, ?> fields) || !(fields.get("name") instanceof String packageName)) {
            sink.skipped(SOURCE, new ImportWarning(file, "package entry without pkg.name; entry skipped"));
            return;
        }
        if (!(fields.get("secfixes") instanceof Map<?, ?> secfixes)) {
            return;
        }
        for (Map.Entry<?, ?> fix : secfixes.entrySet()) {
            String fixedVersion = String.valueOf(fix.getKey());
            List<?> ids = fix.getValue() instanceof List<?> list ? list : List.of();
            for (Object line : ids) {
                if (line == null) {
                    continue;
                }
                List<String> words = Arrays.stream(line.toString().trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
                if (words.isEmpty()) {
                    continue;
                }
                String id = words.getFirst();
                DistroStatus status = new DistroStatus("fixed", fixedVersion, null, null, null, null);
                byId.computeIfAbsent(id, k -> new ArrayList<>()).add(new Affected(ecosystem, packageName,
                        DistroRanges.of(status, "apk"), List.of(), null, null, DistroRanges.fixedVersions(status), status, specific, null));
                aliases.computeIfAbsent(id, k -> new LinkedHashSet<>()).addAll(words.subList(1, words.size()));
            }
        }
    }
}
