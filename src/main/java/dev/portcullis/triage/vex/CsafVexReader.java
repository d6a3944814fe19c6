package dev.portcullis.triage.vex;

import static dev.portcullis.triage.vex.OpenVexReader.addIfPresent;
import static dev.portcullis.triage.vex.OpenVexReader.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.triage.Justification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSAF 2.0 VEX document. Product ids resolve through {@code product_tree}: nested
 * {@code branches} and {@code full_product_names} give a package URL in
 * {@code product_identification_helper.purl}, and a {@code relationships} entry makes a component
 * ({@code product_reference}) part of a product ({@code relates_to_product_reference}). Each
 * vulnerability's {@code product_status} lists become statements; the justification comes from a
 * {@code flags[].label} for the product, or from a {@code threats[]} impact whose details is an
 * OpenVEX label.
 *
 * @see <a href="https://docs.oasis-open.org/csaf/csaf/v2.0/os/csaf-v2.0-os.html#45-profile-5-vex">CSAF 2.0 VEX profile</a>
 */
final class CsafVexReader {

    private static final Map<String, VexStatus> STATUS_LISTS = new LinkedHashMap<>();

    static {
        STATUS_LISTS.put("known_not_affected", VexStatus.NOT_AFFECTED);
        STATUS_LISTS.put("fixed", VexStatus.FIXED);
        STATUS_LISTS.put("first_fixed", VexStatus.FIXED);
        STATUS_LISTS.put("known_affected", VexStatus.AFFECTED);
        STATUS_LISTS.put("first_affected", VexStatus.AFFECTED);
        STATUS_LISTS.put("last_affected", VexStatus.AFFECTED);
        STATUS_LISTS.put("under_investigation", VexStatus.UNDER_INVESTIGATION);
    }

    private CsafVexReader() {}

    static boolean accepts(JsonNode root) {
        return root.path("document").path("csaf_version").isTextual();
    }

    static List<VexStatement> read(String document, JsonNode root) {
        Map<String, VexProduct> products = products(root.path("product_tree"));
        String author = text(root.path("document").path("publisher"), "name");
        List<VexStatement> statements = new ArrayList<>();
        for (JsonNode vulnerability : root.path("vulnerabilities")) {
            List<String> ids = new ArrayList<>();
            addIfPresent(ids, text(vulnerability, "cve"));
            vulnerability.path("ids").forEach(id -> addIfPresent(ids, text(id, "text")));
            if (ids.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, VexStatus> list : STATUS_LISTS.entrySet()) {
                for (JsonNode productId : vulnerability.path("product_status").path(list.getKey())) {
                    VexProduct product = products.get(productId.asText());
                    if (product == null) {
                        continue;
                    }
                    statements.add(new VexStatement(document, author, ids, List.of(product), list.getValue(),
                            justification(vulnerability, productId.asText()), impact(vulnerability, productId.asText()),
                            remediation(vulnerability, productId.asText()), null));
                }
            }
        }
        return statements;
    }

    private static Map<String, VexProduct> products(JsonNode tree) {
        Map<String, String> purls = new HashMap<>();
        collectBranches(tree, purls);
        tree.path("full_product_names").forEach(product -> collectProduct(product, purls));
        Map<String, VexProduct> products = new HashMap<>();
        purls.forEach((id, purl) -> products.put(id, new VexProduct(purl, List.of())));
        for (JsonNode relationship : tree.path("relationships")) {
            String id = text(relationship.path("full_product_name"), "product_id");
            String component = purls.get(text(relationship, "product_reference"));
            String product = purls.get(text(relationship, "relates_to_product_reference"));
            if (id != null && component != null) {
                products.put(id, new VexProduct(product, List.of(component)));
            }
        }
        return products;
    }

    private static void collectBranches(JsonNode node, Map<String, String> purls) {
        for (JsonNode branch : node.path("branches")) {
            collectProduct(branch.path("product"), purls);
            collectBranches(branch, purls);
        }
    }

    private static void collectProduct(JsonNode product, Map<String, String> purls) {
        String id = text(product, "product_id");
        String purl = text(product.path("product_identification_helper"), "purl");
        if (id != null && purl != null) {
            purls.put(id, purl);
        }
    }

    private static Justification justification(JsonNode vulnerability, String productId) {
        for (JsonNode flag : vulnerability.path("flags")) {
            if (appliesTo(flag, productId)) {
                Justification justification = Justification.ofLabel(text(flag, "label"));
                if (justification != null) {
                    return justification;
                }
            }
        }
        for (JsonNode threat : vulnerability.path("threats")) {
            if ("impact".equals(text(threat, "category")) && appliesTo(threat, productId)) {
                Justification justification = Justification.ofLabel(text(threat, "details"));
                if (justification != null) {
                    return justification;
                }
            }
        }
        return null;
    }

    private static String impact(JsonNode vulnerability, String productId) {
        for (JsonNode threat : vulnerability.path("threats")) {
            if ("impact".equals(text(threat, "category")) && appliesTo(threat, productId)) {
                return text(threat, "details");
            }
        }
        return null;
    }

    private static String remediation(JsonNode vulnerability, String productId) {
        for (JsonNode remediation : vulnerability.path("remediations")) {
            if (appliesTo(remediation, productId)) {
                return text(remediation, "details");
            }
        }
        return null;
    }

    /** Returns whether the flag or threat covers the product; one without product ids covers every product. */
    private static boolean appliesTo(JsonNode node, String productId) {
        JsonNode ids = node.path("product_ids");
        if (!ids.isArray() || ids.isEmpty()) {
            return true;
        }
        for (JsonNode id : ids) {
            if (id.asText().equals(productId)) {
                return true;
            }
        }
        return false;
    }
}
