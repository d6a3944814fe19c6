package dev.portcullis.triage.vex;

import static dev.portcullis.triage.vex.OpenVexReader.addIfPresent;
import static dev.portcullis.triage.vex.OpenVexReader.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.triage.Justification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code vulnerabilities} of a CycloneDX VEX document (JSON). Each {@code affects[].ref}
 * names a component by its {@code bom-ref} in this document, or by a BOM-Link
 * ({@code urn:cdx:<serial>/<version>#<bom-ref>}) into another; a {@code bom-ref} that is itself a
 * package URL counts as one.
 *
 * <p>Analysis states map as: {@code not_affected} and {@code false_positive} to not_affected,
 * {@code resolved} and {@code resolved_with_pedigree} to fixed, {@code exploitable} to affected,
 * {@code in_triage} to under_investigation. Justifications map to the nearest OpenVEX one, for
 * example {@code code_not_reachable} to vulnerable_code_not_in_execute_path.
 *
 * @see <a href="https://cyclonedx.org/docs/1.6/json/#vulnerabilities_items_analysis">CycloneDX 1.6 analysis</a>
 */
final class CycloneDxVexReader {

    private CycloneDxVexReader() {}

    static boolean accepts(JsonNode root) {
        return "CycloneDX".equals(root.path("bomFormat").asText());
    }

    static List<VexStatement> read(String document, JsonNode root) {
        Map<String, String> purlsByRef = new HashMap<>();
        collectComponents(root.path("metadata").path("component"), purlsByRef);
        root.path("components").forEach(component -> collectComponents(component, purlsByRef));
        String author = authorOf(root);
        List<VexStatement> statements = new ArrayList<>();
        for (JsonNode vulnerability : root.path("vulnerabilities")) {
            List<String> ids = new ArrayList<>();
            addIfPresent(ids, text(vulnerability, "id"));
            vulnerability.path("references").forEach(reference -> addIfPresent(ids, text(reference, "id")));
            JsonNode analysis = vulnerability.path("analysis");
            VexStatus status = status(text(analysis, "state"));
            if (ids.isEmpty() || status == null) {
                continue;
            }
            List<VexProduct> products = new ArrayList<>();
            for (JsonNode affects : vulnerability.path("affects")) {
                String purl = resolve(text(affects, "ref"), purlsByRef);
                if (purl != null) {
                    products.add(new VexProduct(purl, List.of()));
                }
            }
            List<String> responses = new ArrayList<>();
            analysis.path("response").forEach(response -> responses.add(response.asText()));
            statements.add(new VexStatement(document, author, ids, products, status,
                    justification(text(analysis, "justification")), text(analysis, "detail"),
                    responses.isEmpty() ? null : String.join(", ", responses), null));
        }
        return statements;
    }

    private static void collectComponents(JsonNode component, Map<String, String> purlsByRef) {
        if (component.isMissingNode()) {
            return;
        }
        String ref = text(component, "bom-ref");
        String purl = text(component, "purl");
        if (ref != null && purl != null) {
            purlsByRef.put(ref, purl);
        }
        component.path("components").forEach(child -> collectComponents(child, purlsByRef));
    }

    private static String resolve(String ref, Map<String, String> purlsByRef) {
        if (ref == null) {
            return null;
        }
        String local = ref.startsWith("urn:cdx:") && ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : ref;
        local = java.net.URLDecoder.decode(local.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        if (purlsByRef.containsKey(local)) {
            return purlsByRef.get(local);
        }
        return local.startsWith("pkg:") ? local : null;
    }

    private static String authorOf(JsonNode root) {
        JsonNode authors = root.path("metadata").path("authors");
        return authors.isArray() && !authors.isEmpty() ? text(authors.get(0), "name") : null;
    }

    static VexStatus status(String state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "not_affected", "false_positive" -> VexStatus.NOT_AFFECTED;
            case "resolved", "resolved_with_pedigree" -> VexStatus.FIXED;
            case "exploitable" -> VexStatus.AFFECTED;
            case "in_triage" -> VexStatus.UNDER_INVESTIGATION;
            default -> null;
        };
    }

    static Justification justification(String word) {
        if (word == null) {
            return null;
        }
        return switch (word) {
            case "code_not_present" -> Justification.VULNERABLE_CODE_NOT_PRESENT;
            case "code_not_reachable" -> Justification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH;
            case "requires_dependency" -> Justification.COMPONENT_NOT_PRESENT;
            case "requires_configuration", "requires_environment" ->
                    Justification.VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY;
            case "protected_by_compiler", "protected_at_runtime", "protected_at_perimeter",
                    "protected_by_mitigating_control" -> Justification.INLINE_MITIGATIONS_ALREADY_EXIST;
            default -> null;
        };
    }
}
