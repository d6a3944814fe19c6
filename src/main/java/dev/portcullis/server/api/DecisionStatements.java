package dev.portcullis.server.api;

import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.Package;
import dev.portcullis.server.storage.DecisionStore.Decision;
import dev.portcullis.triage.Evidence;
import dev.portcullis.triage.EvidenceKind;
import dev.portcullis.triage.Justification;
import dev.portcullis.triage.TriagedFinding;
import dev.portcullis.triage.vex.VexProduct;
import dev.portcullis.triage.vex.VexStatement;
import dev.portcullis.triage.vex.VexStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An image's active analyst decisions as VEX statements for triage. A NOT_AFFECTED decision becomes a
 * {@code not_affected} statement and ALREADY_PATCHED a {@code fixed} one, and both override the computed
 * verdict. The other verdicts become {@code affected} statements, which triage keeps as evidence only.
 * Revoked decisions and decisions expired at the export time are left out.
 *
 * <pre>{@code
 * Decision[id=7, vulnId=CVE-2020-8203, packageName=lodash, verdict=NOT_AFFECTED,
 *          justification=vulnerable_code_not_in_execute_path, author=alice, ...]
 * -> VexStatement[document="decision 7", author=alice, vulnerabilities=[CVE-2020-8203],
 *                 products=[VexProduct[purl=pkg:npm/lodash@4.17.15]], status=NOT_AFFECTED, ...]
 * }</pre>
 *
 * <p>TODO: an analyst's AFFECTED over a computed NOT_AFFECTED stays NOT_AFFECTED in the export, though the
 * dashboard shows the decision; triage has no statement status that overrides towards affected.
 */
final class DecisionStatements {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionStatements.class);
    private static final String DOCUMENT = "decision ";

    private final Map<String, Decision> byDocument;
    private final List<VexStatement> statements;

    private DecisionStatements(Map<String, Decision> byDocument, List<VexStatement> statements) {
        this.byDocument = byDocument;
        this.statements = statements;
    }

    /** Converts the decisions active at {@code now} for the packages of the inventory. */
    static DecisionStatements of(List<Decision> decisions, Inventory inventory, Instant now) {
        Map<String, Decision> byDocument = new LinkedHashMap<>();
        List<VexStatement> statements = new ArrayList<>();
        for (Decision decision : decisions) {
            if (!decision.activeAt(now)) {
                continue;
            }
            List<VexProduct> products = inventory.packages().stream()
                    .filter(pkg -> pkg.name().equals(decision.packageName()) && pkg.purl() != null)
                    .map(Package::purl).distinct().map(purl -> new VexProduct(purl, List.of())).toList();
            if (products.isEmpty()) {
                LOG.debug("Decision {} names package {}, which the latest scan does not contain", decision.id(),
                        decision.packageName());
                continue;
            }
            String document = DOCUMENT + decision.id();
            byDocument.put(document, decision);
            statements.add(statement(document, decision, products));
        }
        return new DecisionStatements(byDocument, statements);
    }

    List<VexStatement> statements() {
        return statements;
    }

    /** Returns the decision whose statement decided the finding's verdict, if one did. */
    Optional<Decision> decidedBy(TriagedFinding finding) {
        return finding.deciding().stream()
                .filter(evidence -> evidence.decided() && evidence.kind() == EvidenceKind.STATEMENT)
                .map(Evidence::source)
                .map(byDocument::get)
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /** Returns who decided, when, and until when, for a statement's notes. */
    static String note(Decision decision) {
        return "analyst decision " + decision.id() + " by " + decision.author() + " at " + decision.createdAt()
                + (decision.expiresAt() != null ? ", expires " + decision.expiresAt() : "");
    }

    private static VexStatement statement(String document, Decision decision, List<VexProduct> products) {
        VexStatus status = switch (decision.verdict()) {
            case "NOT_AFFECTED" -> VexStatus.NOT_AFFECTED;
            case "ALREADY_PATCHED" -> VexStatus.FIXED;
            default -> VexStatus.AFFECTED;
        };
        return new VexStatement(document, decision.author(), List.of(decision.vulnId()), products, status,
                Justification.ofLabel(decision.justification()),
                status == VexStatus.AFFECTED ? null : decision.reason(),
                status == VexStatus.AFFECTED ? decision.reason() : null, null);
    }
}
