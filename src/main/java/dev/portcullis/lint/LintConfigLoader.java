package dev.portcullis.lint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads {@code .portcullis.yaml}. Example:
 *
 * <pre>
 * lint:
 *   rules:
 *     DL3008: off          # on, off, or a severity: error, warning, info, style
 *     PC-D012: error
 *   trusted-registries: [docker.io, "*.corp.example"]
 *   labels:
 *     required: {maintainer: email, org.opencontainers.image.created: rfc3339}
 *     strict: false
 * </pre>
 *
 * The {@code lint:} level is optional, so a file holding only the lint keys works too.
 */
public final class LintConfigLoader {

    /** Thrown for a configuration file that cannot be used; the message names the file and the key. */
    public static final class InvalidConfigException extends Exception {
        public InvalidConfigException(String message) {
            super(message);
        }
    }

    public LintConfig load(Path path) throws IOException, InvalidConfigException {
        String text = Files.readString(path);
        Object document;
        try {
            document = new Load(LoadSettings.builder().build()).loadFromString(text);
        } catch (YamlEngineException e) {
            throw new InvalidConfigException(path + ": invalid YAML: " + e.getMessage());
        }
        if (document == null) {
            return LintConfig.defaults();
        }
        Map<?, ?> root = map(path, "document", document);
        if (root.get("lint") != null) {
            root = map(path, "lint", root.get("lint"));
        }
        try {
            return fromMap(path, root);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(path + ": " + e.getMessage());
        }
    }

    private static LintConfig fromMap(Path path, Map<?, ?> root) throws InvalidConfigException {
        Map<String, Boolean> switches = new HashMap<>();
        Map<String, Severity> severities = new HashMap<>();
        if (root.get("rules") != null) {
            for (Map.Entry<?, ?> entry : map(path, "rules", root.get("rules")).entrySet()) {
                String id = String.valueOf(entry.getKey());
                Object value = entry.getValue();
                if (value instanceof Boolean on) {
                    switches.put(id, on);
                } else if (String.valueOf(value).equalsIgnoreCase("off") || String.valueOf(value).equalsIgnoreCase("on")) {
                    switches.put(id, String.valueOf(value).equalsIgnoreCase("on"));
                } else {
                    switches.put(id, true);
                    severities.put(id, Severity.parse(String.valueOf(value)));
                }
            }
        }
        List<String> registries = new ArrayList<>();
        Object trusted = root.get("trusted-registries");
        if (trusted instanceof List<?> list) {
            list.forEach(item -> registries.add(String.valueOf(item)));
        } else if (trusted != null) {
            throw new InvalidConfigException(path + ": trusted-registries must be a list of registry names");
        }
        Map<String, LabelType> required = new HashMap<>();
        boolean strict = false;
        if (root.get("labels") != null) {
            Map<?, ?> labels = map(path, "labels", root.get("labels"));
            if (labels.get("required") != null) {
                map(path, "labels.required", labels.get("required"))
                        .forEach((key, type) -> required.put(String.valueOf(key), LabelType.parse(String.valueOf(type))));
            }
            strict = Boolean.TRUE.equals(labels.get("strict"));
        }
        return new LintConfig(switches, severities, registries, required, strict);
    }

    private static Map<?, ?> map(Path path, String key, Object value) throws InvalidConfigException {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new InvalidConfigException(path + ": " + key + " must be a mapping, found " + value);
    }
}
