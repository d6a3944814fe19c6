package dev.portcullis.server.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.match.Matcher;
import dev.portcullis.triage.Evidence;
import dev.portcullis.triage.RiskAdjustment;
import dev.portcullis.triage.RiskModel;
import dev.portcullis.triage.Triage;
import dev.portcullis.triage.TriageContext;
import dev.portcullis.triage.TriageResult;
import dev.portcullis.triage.TriagedFinding;
import dev.portcullis.triage.vex.VexStatement;
import dev.portcullis.vulndb.VulnDatabase;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Analyzes by matching, then triage with the default risk model. A stored inventory has no files, so
 * evidence that needs the image's files (changelogs, deleted paths) is recorded as absent and those
 * findings keep the verdict the remaining evidence supports.
 *
 * <p>The image config travels in the SBOM's {@link ImageConfigProperties} when the CLI uploads a scan.
 * A CycloneDX SBOM from elsewhere carries none, and then triage records the conditions that need it
 * (published ports, the entrypoint) as unknown and proposes no verdict from them.
 */
public final class TriagingAnalyzer implements Analyzer {

    private final ObjectMapper mapper = new ObjectMapper();
    private final Clock clock;

    public TriagingAnalyzer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<StoredFinding> analyze(Inventory inventory, VulnDatabase database) {
        return triage(inventory, database).findings().stream().map(this::stored).toList();
    }

    /** Returns the full triage result, for VEX export. */
    public TriageResult triage(Inventory inventory, VulnDatabase database) {
        return triage(inventory, database, List.of());
    }

    /** Returns the full triage result with analyst decisions as statements, which override computed verdicts. */
    public TriageResult triage(Inventory inventory, VulnDatabase database, List<VexStatement> decisions) {
        var matches = new Matcher(database).match(inventory);
        TriageContext context = new TriageContext(inventory.image(), inventory.distro(), null, database::byId, null);
        return Triage.standard(RiskModel.defaults(), decisions, LocalDate.now(clock)).triage(matches.findings(), context);
    }

    @Override
    public boolean triaged() {
        return true;
    }

    private StoredFinding stored(TriagedFinding triaged) {
        var finding = triaged.finding();
        String fixed = finding.fixedVersions().isEmpty() ? null : finding.fixedVersions().getFirst();
        return new StoredFinding(finding.id(), finding.pkg().type().purlType(), finding.pkg().name(),
                finding.installedVersion(), triaged.verdict().kind().name(), triaged.risk().level().name(),
                finding.inKev(), fixed, finding.summary(), evidence(triaged));
    }

    private String evidence(TriagedFinding triaged) {
        ArrayNode evidence = mapper.createArrayNode();
        evidence.addObject().put("kind", "verdict").put("verdict", triaged.verdict().kind().name())
                .put("reason", triaged.verdict().reason()).put("advice", triaged.advice());
        for (Evidence item : triaged.evidence()) {
            ObjectNode node = evidence.addObject().put("kind", item.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .put("source", item.source()).put("fact", item.fact()).put("decided", item.decided());
            item.details().forEach(node.putObject("details")::put);
        }
        for (RiskAdjustment adjustment : triaged.risk().adjustments()) {
            evidence.addObject().put("kind", "risk-adjustment").put("rule", adjustment.rule())
                    .put("from", adjustment.from() == null ? null : adjustment.from().name())
                    .put("to", adjustment.to() == null ? null : adjustment.to().name())
                    .put("reason", adjustment.reason());
        }
        try {
            return mapper.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
