package dev.portcullis.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.report.cyclonedx.CycloneDxVexWriter;
import dev.portcullis.report.openvex.OpenVexWriter;
import dev.portcullis.server.analysis.CycloneDxInventoryReader;
import dev.portcullis.server.analysis.InvalidSbomException;
import dev.portcullis.server.analysis.TriagingAnalyzer;
import dev.portcullis.server.analysis.VulnDbAccess;
import dev.portcullis.server.storage.DecisionStore;
import dev.portcullis.server.storage.DecisionStore.Decision;
import dev.portcullis.server.storage.ScanStore;
import dev.portcullis.triage.TriageResult;
import dev.portcullis.triage.TriagedFinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.vulnerability.Vulnerability;

/**
 * Exports the triage of an image's latest scan as OpenVEX or CycloneDX VEX. The triage runs again on the
 * stored inventory, so the document reflects the current vulnerability database, and the image's active
 * analyst decisions take part as statements (see {@link DecisionStatements}).
 *
 * <p>A statement that a decision decided carries the decision's author and time: in OpenVEX its
 * {@code timestamp} is the decision time and {@code status_notes} names the author; in CycloneDX the
 * analysis has {@code firstIssued} and {@code lastUpdated} at the decision time and the vulnerability
 * has the properties {@code portcullis:decision:author} and {@code portcullis:decision:id}.
 */
public final class VexExport {

    private final ScanStore scans;
    private final VulnDbAccess vulnDb;
    private final DecisionStore decisions;
    private final Clock clock;
    private final CycloneDxInventoryReader reader = new CycloneDxInventoryReader();
    private final ObjectMapper json = new ObjectMapper();

    public VexExport(ScanStore scans, VulnDbAccess vulnDb, DecisionStore decisions, Clock clock) {
        this.scans = scans;
        this.vulnDb = vulnDb;
        this.decisions = decisions;
        this.clock = clock;
    }

    /** Returns the document, or throws 501 when the server analyzes by matching alone. */
    byte[] export(long imageId, String imageName, boolean openVex) {
        if (!(vulnDb.analyzer() instanceof TriagingAnalyzer triaging)) {
            throw new ApiException(501, "VEX export needs the triage engine, and this server analyzes by matching"
                    + " alone (--no-triage): findings carry no VEX justifications.");
        }
        long scanId = scans.latestScanOf(imageId).orElseThrow(() -> ApiException.notFound("The image has no scan."));
        Inventory inventory;
        try {
            inventory = reader.read(scans.inventoryJson(scanId).getBytes(StandardCharsets.UTF_8), imageName);
        } catch (InvalidSbomException e) {
            throw new IllegalStateException("Stored inventory of scan " + scanId + " is unreadable: " + e.getMessage(), e);
        }
        DecisionStatements decided = DecisionStatements.of(decisions.ofImage(imageId), inventory, clock.instant());
        TriageResult result = vulnDb.withDatabase(database -> triaging.triage(inventory, database,
                decided.statements()));
        try {
            return openVex ? openVex(inventory, result, decided) : cycloneDx(inventory, result, decided);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The writers emit one statement or vulnerability per finding, in the order of result.findings().
    private byte[] openVex(Inventory inventory, TriageResult result, DecisionStatements decided) throws IOException {
        ObjectNode document = new OpenVexWriter().document(inventory, result);
        ArrayNode statements = (ArrayNode) document.path("statements");
        for (int i = 0; i < result.findings().size(); i++) {
            Optional<Decision> decision = decided.decidedBy(result.findings().get(i));
            if (decision.isPresent()) {
                ObjectNode statement = (ObjectNode) statements.get(i);
                statement.put("timestamp", decision.get().createdAt().toString());
                statement.put("status_notes", DecisionStatements.note(decision.get()) + ". "
                        + statement.path("status_notes").asText());
            }
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    }

    private static byte[] cycloneDx(Inventory inventory, TriageResult result, DecisionStatements decided)
            throws IOException {
        Bom bom = new CycloneDxVexWriter().toBom(inventory, result);
        List<Vulnerability> vulnerabilities = bom.getVulnerabilities();
        for (int i = 0; i < result.findings().size(); i++) {
            TriagedFinding finding = result.findings().get(i);
            Optional<Decision> decision = decided.decidedBy(finding);
            if (decision.isPresent()) {
                stamp(vulnerabilities.get(i), decision.get());
            }
        }
        try {
            return BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString(true)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (GeneratorException e) {
            throw new IOException("Failed to generate CycloneDX VEX for " + inventory.image().reference(), e);
        }
    }

    private static void stamp(Vulnerability vulnerability, Decision decision) {
        Date decidedAt = Date.from(decision.createdAt());
        vulnerability.getAnalysis().setFirstIssued(decidedAt);
        vulnerability.getAnalysis().setLastUpdated(decidedAt);
        List<Property> properties = new ArrayList<>(
                vulnerability.getProperties() == null ? List.of() : vulnerability.getProperties());
        properties.add(new Property("portcullis:decision:author", decision.author()));
        properties.add(new Property("portcullis:decision:id", String.valueOf(decision.id())));
        vulnerability.setProperties(properties);
    }
}
