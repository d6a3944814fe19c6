package dev.portcullis.triage.vex;

import dev.portcullis.triage.Justification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads analyst decisions from {@code .portcullis/decisions.yaml}. Each decision names a vulnerability,
 * a package URL (without a version it covers every version), a status in OpenVEX's words, who
 * decided, why, and optionally when it expires:
 *
 * <pre>
 * decisions:
 *   - vulnerability: CVE-2021-23337
 *     package: pkg:npm/lodash
 *     status: not_affected
 *     justification: vulnerable_code_not_in_execute_path
 *     author: Jane Doe &lt;jane@example.com&gt;
 *     reason: the app never calls _.template
 *     expires: 2027-06-30
 * </pre>
 */
public final class DecisionsReader {

    private DecisionsReader() {}

    public static List<VexStatement> read(Path file) throws VexException {
        Object document;
        try {
            document = new Load(LoadSettings.builder().setLabel(file.toString()).build())
                    .loadFromString(Files.readString(file));
        } catch (IOException e) {
            throw new VexException("cannot read decisions file " + file + ": " + e.getMessage(), e);
        } catch (YamlEngineException e) {
            throw new VexException("invalid YAML in decisions file " + file + ": " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> root) || !(root.get("decisions") instanceof List<?> entries)) {
            throw new VexException(file + " has no 'decisions' list; start it with 'decisions:' and one entry"
                    + " per decision");
        }
        List<VexStatement> decisions = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            decisions.add(decision(file, i + 1, entries.get(i)));
        }
        return decisions;
    }

    private static VexStatement decision(Path file, int number, Object entry) throws VexException {
        if (!(entry instanceof Map<?, ?> map)) {
            throw new VexException(file + ": decision " + number + " is not a mapping");
        }
        String vulnerability = required(file, number, map, "vulnerability");
        String purl = required(file, number, map, "package");
        String status = required(file, number, map, "status");
        String author = required(file, number, map, "author");
        String reason = required(file, number, map, "reason");
        VexStatus parsed;
        try {
            parsed = VexStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new VexException(file + ": decision " + number + " has unknown status '" + status
                    + "'; use not_affected, affected, fixed or under_investigation", e);
        }
        LocalDate expires = null;
        Object expiry = map.get("expires");
        if (expiry != null) {
            try {
                expires = LocalDate.parse(expiry.toString());
            } catch (DateTimeParseException e) {
                throw new VexException(file + ": decision " + number + " has invalid expires '" + expiry
                        + "'; write a date as 2027-06-30", e);
            }
        }
        Object justification = map.get("justification");
        return new VexStatement(file.toString(), author, List.of(vulnerability),
                List.of(new VexProduct(purl, List.of())), parsed,
                justification == null ? null : Justification.ofLabel(justification.toString()), reason, null, expires);
    }

    private static String required(Path file, int number, Map<?, ?> map, String key) throws VexException {
        Object value = map.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new VexException(file + ": decision " + number + " lacks '" + key + "'; every decision needs"
                    + " vulnerability, package, status, author and reason");
        }
        return value.toString();
    }
}
