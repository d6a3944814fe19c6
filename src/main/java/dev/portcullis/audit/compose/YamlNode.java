package dev.portcullis.audit.compose;

import dev.portcullis.audit.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * A YAML node with the place it was written, after aliases are expanded and scalars interpolated.
 * {@code tag} is a local tag such as {@code !reset} or {@code !override}, or null.
 */
public sealed interface YamlNode {

    SourceLocation location();

    String tag();

    /**
     * A mapping; keys are scalars as text, in file order.
     *
     * @param keyLocations where each key was written
     */
    record YamlMap(Map<String, YamlNode> entries, Map<String, SourceLocation> keyLocations, SourceLocation location,
            String tag) implements YamlNode {

        public YamlNode get(String key) {
            return entries.get(key);
        }

        public SourceLocation keyLocation(String key) {
            return keyLocations.getOrDefault(key, location);
        }
    }

    record YamlList(List<YamlNode> items, SourceLocation location, String tag) implements YamlNode {}

    /**
     * A scalar.
     *
     * @param value the text after interpolation, or null for a YAML null
     * @param template the text as written, before interpolation
     */
    record YamlScalar(String value, String template, SourceLocation location, String tag) implements YamlNode {

        public boolean isNull() {
            return value == null;
        }
    }
}
