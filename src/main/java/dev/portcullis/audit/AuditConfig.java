package dev.portcullis.audit;

import dev.portcullis.audit.compose.YamlNode;
import dev.portcullis.audit.compose.YamlNode.YamlList;
import dev.portcullis.audit.compose.YamlNode.YamlMap;
import dev.portcullis.audit.compose.YamlNode.YamlScalar;
import dev.portcullis.audit.compose.YamlReader;
import dev.portcullis.audit.secrets.SecretAllowList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit settings of {@code .portcullis.yaml}; only {@code secrets.allow} is read, a list of exact
 * values or regular expressions that are never reported as secrets.
 *
 * <pre>{@code
 * secrets:
 *   allow:
 *     - "example-.*"
 * }</pre>
 */
public record AuditConfig(SecretAllowList secretAllowList) {

    public static AuditConfig defaults() {
        return new AuditConfig(SecretAllowList.none());
    }

    /** Reads {@code file}; a missing file gives the defaults. */
    public static AuditConfig load(Path file) throws AuditInputException {
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        YamlNode root = new YamlReader(file.toString(), null).read(file);
        List<String> allowed = new ArrayList<>();
        if (root instanceof YamlMap map && map.get("secrets") instanceof YamlMap secrets) {
            YamlNode allow = secrets.get("allow");
            if (allow != null && !(allow instanceof YamlList)) {
                throw new AuditInputException(allow.location(), "secrets.allow must be a list of values or patterns");
            }
            if (allow instanceof YamlList list) {
                for (YamlNode item : list.items()) {
                    if (item instanceof YamlScalar scalar && scalar.value() != null) {
                        allowed.add(scalar.value());
                    }
                }
            }
        }
        return new AuditConfig(SecretAllowList.of(allowed));
    }
}
