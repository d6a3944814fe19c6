package dev.portcullis.audit.compose;

import dev.portcullis.audit.SourceLocation;
import dev.portcullis.audit.compose.YamlNode.YamlList;
import dev.portcullis.audit.compose.YamlNode.YamlMap;
import dev.portcullis.audit.compose.YamlNode.YamlScalar;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads compose keys that take either a mapping or a list of {@code NAME=value} strings
 * ({@code environment}, {@code labels}, {@code sysctls}, {@code extra_hosts}, {@code annotations}) as a
 * mapping. A list entry without {@code =} maps to a null scalar, a value passed through from the caller.
 */
final class KeyValues {

    private KeyValues() {}

    static YamlMap toMap(YamlNode node) {
        if (node instanceof YamlMap map) {
            return map;
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, SourceLocation> locations = new LinkedHashMap<>();
        if (node instanceof YamlList list) {
            for (YamlNode item : list.items()) {
                if (item instanceof YamlScalar scalar && !scalar.isNull()) {
                    String value = scalar.value();
                    String template = scalar.template();
                    int equals = value.indexOf('=');
                    int templateEquals = template.indexOf('=');
                    String name = equals < 0 ? value : value.substring(0, equals);
                    YamlScalar entry = equals < 0
                            ? new YamlScalar(null, null, scalar.location(), null)
                            : new YamlScalar(value.substring(equals + 1),
                                    templateEquals < 0 ? value.substring(equals + 1)
                                            : template.substring(templateEquals + 1),
                                    scalar.location(), null);
                    entries.put(name, entry);
                    locations.put(name, scalar.location());
                }
            }
        }
        return new YamlMap(entries, locations, node.location(), node.tag());
    }
}
