package dev.portcullis.triage.reachability;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields of a package.json that module resolution reads.
 *
 * @param folder the folder holding the package.json
 * @param name the {@code name} field, or null
 * @param main the {@code main} field, or null
 * @param exports the {@code exports} field, or null when absent
 * @param imports the {@code imports} field, or null when absent
 */
record PackageManifest(String folder, String name, String main, JsonNode exports, JsonNode imports) {

    static PackageManifest of(String folder, JsonNode json) {
        return new PackageManifest(folder, text(json, "name"), text(json, "main"), field(json, "exports"),
                field(json, "imports"));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static JsonNode field(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value;
    }
}
