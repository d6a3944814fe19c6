package dev.portcullis.report.openvex;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.report.TriageWriter;
import dev.portcullis.sbom.ImagePurl;
import dev.portcullis.triage.TriageResult;
import dev.portcullis.triage.TriagedFinding;
import dev.portcullis.triage.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Writes triaged findings as an OpenVEX 0.2.0 document. The product of each statement is the image
 * by digest as a {@code pkg:oci} purl, with the package as its subcomponent; an image without a
 * manifest digest (a root filesystem folder) has no purl, so the package itself is the product.
 *
 * <p>Verdicts map to statuses as: NOT_AFFECTED to {@code not_affected} with its justification and the
 * reason as {@code impact_statement}; ALREADY_PATCHED to {@code fixed}; AFFECTED, UPSTREAM_PENDING and
 * LOW_RISK to {@code affected}, with the advice or the reason as {@code action_statement}, because
 * the vulnerable code is present in all three. The verdict and risk level go in {@code status_notes}.
 *
 * <pre>{@code
 * {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "urn:uuid:...", "author": "Portcullis",
 *  "statements": [{"vulnerability": {"name": "CVE-2021-23337"},
 *    "products": [{"@id": "pkg:oci/api@sha256%3A...", "subcomponents": [{"@id": "pkg:npm/lodash@4.17.15"}]}],
 *    "status": "affected", "action_statement": "upgrade lodash to 4.17.21"}]}
 * }</pre>
 *
 * @see <a href="https://github.com/openvex/spec/blob/v0.2.0/OPENVEX-SPEC.md">OpenVEX specification 0.2.0</a>
 */
public final class OpenVexWriter implements TriageWriter {

    public static final String CONTEXT = "https://openvex.dev/ns/v0.2.0";

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void write(Inventory inventory, TriageResult result, OutputStream out) throws IOException {
        out.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document(inventory, result)));
        out.write('\n');
        out.flush();
    }

    public ObjectNode document(Inventory inventory, TriageResult result) {
        ObjectNode document = json.createObjectNode();
        document.put("@context", CONTEXT);
        document.put("@id", "urn:uuid:" + identity(inventory));
        document.put("author", "Portcullis");
        document.put("role", "Scanning tool");
        document.put("timestamp", inventory.scannedAt().toString());
        document.put("version", 1);
        document.put("tooling", "portcullis " + inventory.toolVersion());
        ArrayNode statements = document.putArray("statements");
        String imagePurl = ImagePurl.of(inventory.image()).orElse(null);
        for (TriagedFinding finding : result.findings()) {
            statements.add(statement(finding, imagePurl, inventory));
        }
        return document;
    }

    private ObjectNode statement(TriagedFinding triaged, String imagePurl, Inventory inventory) {
        ObjectNode statement = json.createObjectNode();
        ObjectNode vulnerability = statement.putObject("vulnerability");
        vulnerability.put("name", triaged.finding().id());
        if (!triaged.finding().aliases().isEmpty()) {
            ArrayNode aliases = vulnerability.putArray("aliases");
            triaged.finding().aliases().forEach(aliases::add);
        }
        statement.put("timestamp", inventory.scannedAt().toString());

        ObjectNode product = statement.putArray("products").addObject();
        String packagePurl = triaged.finding().pkg().purl();
        if (imagePurl != null) {
            product.put("@id", imagePurl);
            product.putArray("subcomponents").addObject().put("@id", packagePurl);
        } else {
            product.put("@id", packagePurl);
        }

        Verdict verdict = triaged.verdict();
        switch (verdict) {
            case Verdict.NotAffected notAffected -> {
                statement.put("status", "not_affected");
                if (notAffected.justification() != null) {
                    statement.put("justification", notAffected.justification().label());
                }
                statement.put("impact_statement", verdict.reason());
            }
            case Verdict.AlreadyPatched patched -> statement.put("status", "fixed");
            case Verdict.Affected affected -> {
                statement.put("status", "affected");
                statement.put("action_statement", triaged.advice() != null ? triaged.advice() : verdict.reason());
            }
            case Verdict.UpstreamPending pending -> {
                statement.put("status", "affected");
                statement.put("action_statement", "no fix available yet (" + pending.pending().text()
                        + "); watch for a fixed version of " + triaged.finding().pkg().name());
            }
            case Verdict.LowRisk lowRisk -> {
                statement.put("status", "affected");
                statement.put("action_statement", "low risk, " + verdict.reason()
                        + (triaged.advice() != null ? "; " + triaged.advice() : ""));
            }
        }
        statement.put("status_notes", "Portcullis verdict " + verdict.kind().label() + ", risk "
                + triaged.risk().level().label() + ": " + verdict.reason());
        return statement;
    }

    // The same image and scan time give the same id, so reruns compare equal.
    private static UUID identity(Inventory inventory) {
        String key = inventory.image().reference() + "\n" + inventory.image().manifestDigest() + "\n"
                + inventory.scannedAt() + "\nopenvex";
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }
}
