package dev.portcullis.catalog.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a package.json that cataloging reads. Missing fields are null (name, version, author)
 * or empty (lists, maps).
 *
 * <p>Example: {@code {"name": "@nestjs/core", "version": "11.1.6", "license": "MIT"}} reads as name
 * {@code @nestjs/core}, version {@code 11.1.6}, licenses {@code [MIT]}.
 *
 * @param licenses from {@code license} (a string or a {@code {"type": ...}} object) or the legacy
 *     {@code licenses} array
 * @param author {@code author} as written, or {@code name <email> (url)} for the object form
 * @param dependencies the {@code dependencies} map, name to version range
 * @param workspaces folder globs from {@code workspaces} (the array or the {@code packages} of the object form)
 * @see <a href="https://docs.npmjs.com/cli/v10/configuring-npm/package-json">package.json</a>
 */
public record PackageJson(
        String name,
        String version,
        List<String> licenses,
        String author,
        Map<String, String> dependencies,
        Map<String, String> devDependencies,
        Map<String, String> optionalDependencies,
        Map<String, String> peerDependencies,
        List<String> workspaces) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Parses package.json content.
     *
     * @throws IOException when the content is not a JSON object
     */
    public static PackageJson read(InputStream in) throws IOException {
        JsonNode root = MAPPER.readTree(in);
        if (root == null || !root.isObject()) {
            throw new IOException("expected a JSON object");
        }
        return from(root);
    }

    /** Reads the fields from an already parsed JSON object, such as the root entry of a lockfile. */
    static PackageJson from(JsonNode root) {
        return new PackageJson(
                text(root.get("name")),
                text(root.get("version")),
                licenses(root),
                author(root.get("author")),
                stringMap(root.get("dependencies")),
                stringMap(root.get("devDependencies")),
                stringMap(root.get("optionalDependencies")),
                stringMap(root.get("peerDependencies")),
                workspaces(root.get("workspaces")));
    }

    /** Returns true when the file declares both a name and a version, as an installed package does. */
    public boolean isPackage() {
        return name != null && !name.isBlank() && version != null && !version.isBlank();
    }

    /** Returns the names this project depends on directly, in any dependency group. */
    public Set<String> directNames() {
        Set<String> names = new LinkedHashSet<>(dependencies.keySet());
        names.addAll(devDependencies.keySet());
        names.addAll(optionalDependencies.keySet());
        names.addAll(peerDependencies.keySet());
        return names;
    }

    /** Returns the names a production install needs directly: everything except devDependencies. */
    public Set<String> productionNames() {
        Set<String> names = new LinkedHashSet<>(dependencies.keySet());
        names.addAll(optionalDependencies.keySet());
        names.addAll(peerDependencies.keySet());
        return names;
    }

    static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    /** Reads license names from the current field, its object form, arrays, and the legacy {@code licenses} list. */
    static List<String> licenses(JsonNode root) {
        List<String> names = new ArrayList<>();
        addLicense(names, root.get("license"));
        addLicense(names, root.get("licenses"));
        return List.copyOf(names);
    }

    private static void addLicense(List<String> names, JsonNode node) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> addLicense(names, element));
        } else if (node.isObject()) {
            String type = text(node.get("type"));
            if (type != null && !type.isBlank()) {
                names.add(type);
            }
        } else if (node.isTextual() && !node.asText().isBlank()) {
            names.add(node.asText());
        }
    }

    /** Writes the object form in npm's one-line form, {@code name <email> (url)}, leaving out missing parts. */
    private static String author(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            return text(node);
        }
        StringBuilder person = new StringBuilder();
        String name = text(node.get("name"));
        String email = text(node.get("email"));
        String url = text(node.get("url"));
        if (name != null) {
            person.append(name);
        }
        if (email != null) {
            person.append(person.isEmpty() ? "" : " ").append('<').append(email).append('>');
        }
        if (url != null) {
            person.append(person.isEmpty() ? "" : " ").append('(').append(url).append(')');
        }
        return person.isEmpty() ? null : person.toString();
    }

    static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(field -> map.put(field.getKey(), field.getValue().asText()));
        }
        return Collections.unmodifiableMap(map);
    }

    private static List<String> workspaces(JsonNode node) {
        JsonNode list = node != null && node.isObject() ? node.get("packages") : node;
        List<String> globs = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(element -> globs.add(element.asText()));
        }
        return List.copyOf(globs);
    }
}
