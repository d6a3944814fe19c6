package dev.portcullis.triage.vex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.triage.Justification;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the statements of an OpenVEX document. A statement's {@code products} name package URLs in
 * {@code @id} or {@code identifiers.purl}, each with optional {@code subcomponents}; the vulnerability
 * is {@code vulnerability.name} plus its {@code aliases}.
 *
 * <pre>{@code
 * {"@context": "https://openvex.dev/ns/v0.2.0", "statements": [{
 *   "vulnerability": {"name": "CVE-2021-44228"},
 *   "products": [{"@id": "pkg:maven/org.springframework.boot/spring-boot@2.6.0"}],
 *   "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path"}]}
 * }</pre>
 *
 * @see <a href="https://github.com/openvex/spec/blob/v0.2.0/OPENVEX-SPEC.md">OpenVEX specification 0.2.0</a>
 */
final class OpenVexReader {

    private OpenVexReader() {}

    static boolean accepts(JsonNode root) {
        return root.path("@context").asText("").startsWith("https://openvex.dev/ns");
    }

    static List<VexStatement> read(String document, JsonNode root) throws VexException {
        String author = text(root, "author");
        List<VexStatement> statements = new ArrayList<>();
        for (JsonNode statement : root.path("statements")) {
            List<String> ids = new ArrayList<>();
            JsonNode vulnerability = statement.path("vulnerability");
            addIfPresent(ids, vulnerability.isTextual() ? vulnerability.asText() : text(vulnerability, "name"));
            vulnerability.path("aliases").forEach(alias -> addIfPresent(ids, alias.asText()));
            List<VexProduct> products = new ArrayList<>();
            for (JsonNode product : statement.path("products")) {
                List<String> subcomponents = new ArrayList<>();
                product.path("subcomponents").forEach(sub -> addIfPresent(subcomponents, purl(sub)));
                products.add(new VexProduct(purl(product), subcomponents));
            }
            String status = text(statement, "status");
            if (ids.isEmpty() || status == null) {
                throw new VexException(document + ": an OpenVEX statement lacks its vulnerability or status;"
                        + " every statement needs both");
            }
            statements.add(new VexStatement(document, author, ids, products, status(document, status),
                    Justification.ofLabel(text(statement, "justification")), text(statement, "impact_statement"),
                    text(statement, "action_statement"), null));
        }
        return statements;
    }

    private static VexStatus status(String document, String word) throws VexException {
        try {
            return VexStatus.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new VexException(document + ": unknown OpenVEX status '" + word
                    + "'; expected not_affected, affected, fixed or under_investigation", e);
        }
    }

    private static String purl(JsonNode product) {
        String id = text(product, "@id");
        if (id != null && id.startsWith("pkg:")) {
            return id;
        }
        String purl = text(product.path("identifiers"), "purl");
        return purl != null ? purl : id;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    static void addIfPresent(List<String> list, String value) {
        if (value != null && !value.isBlank()) {
            list.add(value);
        }
    }
}
