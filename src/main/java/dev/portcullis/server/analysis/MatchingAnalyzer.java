package dev.portcullis.server.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.match.Finding;
import dev.portcullis.match.FixState;
import dev.portcullis.match.Level;
import dev.portcullis.match.MatchBasis;
import dev.portcullis.match.Matcher;
import dev.portcullis.match.Rating;
import dev.portcullis.vulndb.VulnDatabase;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Analyzes by matching alone. A finding with a released fix is {@code AFFECTED}; one without is
 * {@code UPSTREAM_PENDING}. The risk is the displayed severity, raised to {@code HIGH} for a KEV entry.
 */
public final class MatchingAnalyzer implements Analyzer {

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public List<StoredFinding> analyze(Inventory inventory, VulnDatabase database) {
        return new Matcher(database).match(inventory).findings().stream().map(this::stored).toList();
    }

    @Override
    public boolean triaged() {
        return false;
    }

    StoredFinding stored(Finding finding) {
        String verdict = finding.fixState() == FixState.FIXED ? "AFFECTED" : "UPSTREAM_PENDING";
        String fixed = finding.fixedVersions().isEmpty() ? null : finding.fixedVersions().getFirst();
        return new StoredFinding(finding.id(), finding.pkg().type().purlType(), finding.pkg().name(),
                finding.installedVersion(), verdict, risk(finding), finding.inKev(), fixed, finding.summary(),
                evidence(finding));
    }

    static String risk(Finding finding) {
        String risk = switch (finding.level()) {
            case CRITICAL -> "CRITICAL";
            case HIGH -> "HIGH";
            case MEDIUM -> "MEDIUM";
            case LOW -> "LOW";
            case NEGLIGIBLE, UNKNOWN -> "MINIMAL";
        };
        boolean belowHigh = finding.level().compareTo(Level.HIGH) > 0;
        return finding.inKev() && belowHigh ? "HIGH" : risk;
    }

    private String evidence(Finding finding) {
        ArrayNode evidence = mapper.createArrayNode();
        ObjectNode status = evidence.addObject();
        status.put("kind", "fix-state");
        status.put("fixState", finding.fixState() == null ? null : finding.fixState().name());
        status.put("status", finding.statusWords());
        finding.fixedVersions().forEach(status.putArray("fixedVersions")::add);
        for (MatchBasis basis : finding.basis()) {
            evidence.addObject().put("kind", "match").put("source", basis.source())
                    .put("advisory", basis.advisoryId()).put("ecosystem", basis.ecosystem())
                    .put("explanation", basis.explanation());
        }
        for (Rating rating : finding.ratings()) {
            ObjectNode node = evidence.addObject().put("kind", "rating").put("source", rating.source())
                    .put("type", rating.type()).put("level", rating.level().word()).put("vector", rating.vector());
            if (rating.score() != null) {
                node.put("score", rating.score());
            }
        }
        if (finding.kev() != null) {
            evidence.addObject().put("kind", "kev").put("cve", finding.kev().cve())
                    .put("dateAdded", String.valueOf(finding.kev().dateAdded()))
                    .put("requiredAction", finding.kev().requiredAction());
        }
        try {
            return mapper.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
