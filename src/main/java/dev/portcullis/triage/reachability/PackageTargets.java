package dev.portcullis.triage.reachability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Resolves a subpath through a package.json {@code exports} or {@code imports} map, with the
 * conditions of the loading form. Follows PACKAGE_EXPORTS_RESOLVE, PACKAGE_IMPORTS_RESOLVE and
 * PACKAGE_TARGET_RESOLVE of the <a href="https://nodejs.org/api/esm.html#resolution-algorithm">Node.js
 * resolution algorithm</a>: exact keys first, then the {@code *} pattern with the longest prefix;
 * condition objects are tried in their key order, {@code default} matching always; an array gives
 * its first valid target; {@code null} excludes the subpath.
 *
 * <p>Example: with {@code "exports": {".": {"import": "./esm/index.mjs", "require": "./cjs/index.js"}}},
 * subpath {@code .} under the require conditions gives {@code ./cjs/index.js}.
 */
final class PackageTargets {

    private PackageTargets() {}

    /**
     * Returns the target for a subpath ({@code .} or {@code ./x}) of an {@code exports} value, a path
     * starting with {@code ./}, or null when the package does not export it.
     */
    static String resolveExport(JsonNode exports, String subpath, Set<String> conditions) {
        JsonNode map = exports;
        if (exports.isTextual() || exports.isArray() || exports.isObject() && !hasSubpathKeys(exports)) {
            if (!subpath.equals(".")) {
                return null;
            }
            return validExport(target(exports, "", conditions));
        }
        return validExport(resolveInMap(map, subpath, conditions));
    }

    /**
     * Returns the target for a {@code #name} specifier of an {@code imports} map: a path starting with
     * {@code ./} or a bare specifier to resolve from the package folder, or null.
     */
    static String resolveImport(JsonNode imports, String specifier, Set<String> conditions) {
        return imports.isObject() ? resolveInMap(imports, specifier, conditions) : null;
    }

    private static String validExport(String target) {
        return target != null && target.startsWith("./") ? target : null;
    }

    private static boolean hasSubpathKeys(JsonNode object) {
        Iterator<String> names = object.fieldNames();
        return names.hasNext() && names.next().startsWith(".");
    }

    private static String resolveInMap(JsonNode map, String key, Set<String> conditions) {
        JsonNode exact = map.get(key);
        if (exact != null && !key.contains("*")) {
            return target(exact, "", conditions);
        }
        String bestKey = null;
        String bestMatch = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            String pattern = it.next().getKey();
            int star = pattern.indexOf('*');
            if (star < 0 || pattern.indexOf('*', star + 1) >= 0) {
                continue;
            }
            String prefix = pattern.substring(0, star);
            String suffix = pattern.substring(star + 1);
            boolean matches = key.startsWith(prefix) && key.endsWith(suffix)
                    && key.length() >= prefix.length() + suffix.length() && !key.equals(prefix);
            if (matches && (bestKey == null || prefix.length() > bestKey.indexOf('*'))) {
                bestKey = pattern;
                bestMatch = key.substring(prefix.length(), key.length() - suffix.length());
            }
        }
        return bestKey == null ? null : target(map.get(bestKey), bestMatch, conditions);
    }

    private static String target(JsonNode target, String patternMatch, Set<String> conditions) {
        if (target.isTextual()) {
            return target.asText().replace("*", patternMatch);
        }
        if (target.isArray()) {
            for (JsonNode alternative : target) {
                String resolved = target(alternative, patternMatch, conditions);
                if (resolved != null) {
                    return resolved;
                }
            }
            return null;
        }
        if (target.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = target.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> condition = it.next();
                if (condition.getKey().equals("default") || conditions.contains(condition.getKey())) {
                    String resolved = target(condition.getValue(), patternMatch, conditions);
                    if (resolved != null) {
                        return resolved;
                    }
                }
            }
        }
        return null;
    }
}
