package dev.portcullis.triage.vex;

import dev.portcullis.image.ImageMetadata;
import dev.portcullis.match.Finding;
import dev.portcullis.triage.Evidence;
import dev.portcullis.triage.EvidenceCollector;
import dev.portcullis.triage.EvidenceKind;
import dev.portcullis.triage.Justification;
import dev.portcullis.triage.Observation;
import dev.portcullis.triage.TriageContext;
import dev.portcullis.triage.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies VEX statements and analyst decisions to findings by vulnerability id and package URL. A
 * statement applies when it names one of the finding's ids and a product that is the package, or
 * the image with the package among its subcomponents (or with no subcomponents: every package).
 * {@code not_affected} proposes NOT_AFFECTED and {@code fixed} ALREADY_PATCHED; {@code affected}
 * and {@code under_investigation} are kept as evidence. A decision past its {@code expires} date
 * stops applying and is reported; so is a statement that matched no finding.
 *
 * <p>One collector serves one triage run, since it tracks which statements matched.
 */
public final class StatementCollector implements EvidenceCollector {

    private final List<VexStatement> statements;
    private final LocalDate today;
    private final Set<VexStatement> matched = Collections.newSetFromMap(new IdentityHashMap<>());

    public StatementCollector(List<VexStatement> statements, LocalDate today) {
        this.statements = List.copyOf(statements);
        this.today = today;
    }

    @Override
    public List<Observation> collect(Finding finding, TriageContext context) {
        List<Observation> observations = new ArrayList<>();
        for (VexStatement statement : statements) {
            if (!names(statement, finding) || !applies(statement, finding, context.image())) {
                continue;
            }
            matched.add(statement);
            Evidence evidence = evidence(statement);
            if (isExpired(statement)) {
                observations.add(Observation.fact(Evidence.of(EvidenceKind.STATEMENT, statement.document(),
                        "not applied: the decision by " + statement.author() + " expired on " + statement.expires(),
                        evidence.details())));
                continue;
            }
            Verdict verdict = switch (statement.status()) {
                case NOT_AFFECTED -> new Verdict.NotAffected(statement.justification(), "statement by "
                        + by(statement) + (statement.impactStatement() != null ? ": " + statement.impactStatement() : ""));
                case FIXED -> new Verdict.AlreadyPatched("statement by " + by(statement) + " says it is fixed");
                case AFFECTED, UNDER_INVESTIGATION -> null;
            };
            observations.add(new Observation(List.of(evidence), verdict));
        }
        return observations;
    }

    /** Returns the statements that matched no finding, expired decisions excluded. */
    public List<VexStatement> unmatched() {
        return statements.stream().filter(s -> !matched.contains(s) && !isExpired(s)).toList();
    }

    /** Returns the decisions past their expiry date, which no longer apply. */
    public List<VexStatement> expired() {
        return statements.stream().filter(this::isExpired).toList();
    }

    private boolean isExpired(VexStatement statement) {
        return statement.expires() != null && statement.expires().isBefore(today);
    }

    private static boolean names(VexStatement statement, Finding finding) {
        List<String> ids = finding.ids();
        return statement.vulnerabilities().stream().anyMatch(ids::contains);
    }

    static boolean applies(VexStatement statement, Finding finding, ImageMetadata image) {
        String purl = finding.pkg().purl();
        for (VexProduct product : statement.products()) {
            boolean isImage = PurlMatcher.matchesImage(product.purl(), image);
            if (isImage && product.subcomponents().isEmpty()) {
                return true;
            }
            if ((isImage || product.purl() == null) && product.subcomponents().stream()
                    .anyMatch(sub -> PurlMatcher.matches(sub, purl))) {
                return true;
            }
            if (PurlMatcher.matches(product.purl(), purl)) {
                return true;
            }
        }
        return false;
    }

    private static String by(VexStatement statement) {
        return (statement.author() != null ? statement.author() : "an unnamed author") + " in " + statement.document();
    }

    private static Evidence evidence(VexStatement statement) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("document", statement.document());
        if (statement.author() != null) {
            details.put("author", statement.author());
        }
        details.put("status", statement.status().name().toLowerCase(java.util.Locale.ROOT));
        Justification justification = statement.justification();
        if (justification != null) {
            details.put("justification", justification.label());
        }
        if (statement.impactStatement() != null) {
            details.put("impactStatement", statement.impactStatement());
        }
        if (statement.actionStatement() != null) {
            details.put("actionStatement", statement.actionStatement());
        }
        if (statement.expires() != null) {
            details.put("expires", statement.expires().toString());
        }
        return Evidence.of(EvidenceKind.STATEMENT, statement.document(), statement.label()
                + (statement.author() != null ? " by " + statement.author() : ""), details);
    }
}
