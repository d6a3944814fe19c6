package dev.portcullis.audit.compose;

import dev.portcullis.audit.SourceLocation;
import dev.portcullis.audit.compose.YamlNode.YamlList;
import dev.portcullis.audit.compose.YamlNode.YamlMap;
import dev.portcullis.audit.compose.YamlNode.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Merges an overriding compose model into a base, for several {@code -f} files and for {@code extends}, by
 * the Compose Specification's rules: mappings merge key by key, sequences append, scalars are replaced;
 * {@code command}, {@code entrypoint} and {@code healthcheck.test} are replaced whole; {@code ports} and
 * {@code cap_add}-like lists keep each value once; {@code volumes}, {@code devices}, {@code secrets} and
 * {@code configs} keep one entry per target; {@code environment}, {@code labels} and similar keys merge as
 * mappings whichever form each side uses; {@code !reset} removes a value and {@code !override} replaces it.
 *
 * @see <a href="https://github.com/compose-spec/compose-spec/blob/main/13-merge.md">Compose merge</a>
 */
final class ComposeMerger {

    private static final Set<String> REPLACED = Set.of("command", "entrypoint", "test");
    private static final Set<String> AS_MAPPING =
            Set.of("environment", "labels", "sysctls", "extra_hosts", "annotations", "build_args");
    private static final Set<String> BY_TARGET = Set.of("volumes", "devices", "secrets", "configs", "tmpfs");

    private ComposeMerger() {}

    /** Returns {@code override} merged into {@code base}, or null when the override resets the value. */
    static YamlNode merge(YamlNode base, YamlNode override, String key) {
        if ("!reset".equals(override.tag())) {
            return null;
        }
        if (base == null || "!override".equals(override.tag()) || REPLACED.contains(key)) {
            return override;
        }
        if (AS_MAPPING.contains(key)) {
            return mergeMaps(KeyValues.toMap(base), KeyValues.toMap(override));
        }
        if (base instanceof YamlMap baseMap && override instanceof YamlMap overrideMap) {
            return mergeMaps(baseMap, overrideMap);
        }
        if (base instanceof YamlList baseList && override instanceof YamlList overrideList) {
            Function<YamlNode, String> identity = BY_TARGET.contains(key) ? ComposeMerger::target : ComposeMerger::text;
            return mergeLists(baseList, overrideList, identity);
        }
        return override;
    }

    private static YamlMap mergeMaps(YamlMap base, YamlMap override) {
        Map<String, YamlNode> entries = new LinkedHashMap<>(base.entries());
        Map<String, SourceLocation> locations = new LinkedHashMap<>(base.keyLocations());
        for (Map.Entry<String, YamlNode> entry : override.entries().entrySet()) {
            YamlNode merged = merge(base.get(entry.getKey()), entry.getValue(), entry.getKey());
            if (merged == null) {
                entries.remove(entry.getKey());
                locations.remove(entry.getKey());
            } else {
                entries.put(entry.getKey(), merged);
                // A replaced value points at the override; a merged mapping or list keeps its first definition.
                boolean replaced = merged == entry.getValue() || !base.entries().containsKey(entry.getKey());
                locations.put(entry.getKey(), replaced ? override.keyLocation(entry.getKey())
                        : base.keyLocation(entry.getKey()));
            }
        }
        return new YamlMap(entries, locations, base.location(), base.tag());
    }

    private static YamlList mergeLists(YamlList base, YamlList override, Function<YamlNode, String> identity) {
        Map<String, YamlNode> byIdentity = new LinkedHashMap<>();
        List<YamlNode> unnamed = new ArrayList<>();
        for (YamlNode item : base.items()) {
            add(item, identity, byIdentity, unnamed);
        }
        for (YamlNode item : override.items()) {
            add(item, identity, byIdentity, unnamed);
        }
        List<YamlNode> items = new ArrayList<>(byIdentity.values());
        items.addAll(unnamed);
        return new YamlList(items, base.location(), base.tag());
    }

    private static void add(YamlNode item, Function<YamlNode, String> identity, Map<String, YamlNode> byIdentity,
            List<YamlNode> unnamed) {
        String id = identity.apply(item);
        if (id == null) {
            unnamed.add(item);
        } else {
            byIdentity.remove(id);
            byIdentity.put(id, item);
        }
    }

    private static String text(YamlNode node) {
        return node instanceof YamlScalar scalar ? scalar.value() : null;
    }

    /** Returns the target path of a volume, device, secret or config in short or long syntax. */
    private static String target(YamlNode node) {
        if (node instanceof YamlScalar scalar && scalar.value() != null) {
            String[] parts = scalar.value().split(":");
            return parts.length > 1 ? parts[1] : parts[0];
        }
        if (node instanceof YamlMap map) {
            YamlNode target = map.get("target") != null ? map.get("target") : map.get("source");
            return text(target);
        }
        return null;
    }
}
