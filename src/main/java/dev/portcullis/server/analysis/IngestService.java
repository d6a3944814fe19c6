package dev.portcullis.server.analysis;

import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.Package;
import dev.portcullis.sbom.cyclonedx.CycloneDxWriter;
import dev.portcullis.server.storage.ScanStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stores an uploaded CycloneDX SBOM as a scan, with its findings and the baseline of its packages. */
public final class IngestService {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final ScanStore scans;
    private final VulnDbAccess vulnDb;
    private final PackageFingerprints fingerprints;
    private final CycloneDxInventoryReader reader = new CycloneDxInventoryReader();

    public IngestService(Jdbi jdbi, ScanStore scans, VulnDbAccess vulnDb) {
        this.scans = scans;
        this.vulnDb = vulnDb;
        this.fingerprints = new PackageFingerprints(jdbi);
    }

    /** Parses, analyzes and stores one SBOM; returns the scan id. Nothing is stored for an invalid SBOM. */
    public long ingest(String project, String image, List<String> tags, byte[] sbom) throws InvalidSbomException {
        Inventory inventory = reader.read(sbom, image);
        List<StoredFinding> findings = vulnDb.analyze(List.of(inventory)).getFirst();
        long scanId = scans.insertScan(project, image, inventory.image().manifestDigest(), tags,
                inventory.scannedAt(), inventory.toolVersion(), new String(sbom, StandardCharsets.UTF_8),
                inventory.packages(), findings);
        fingerprints.recordBaseline(inventory, findings);
        LOG.info("Stored scan {} of {}/{}: {} packages, {} findings", scanId, project, image,
                inventory.packages().size(), findings.size());
        return scanId;
    }

    /** Stores an inventory the server cataloged itself, in the same CycloneDX form as an upload. */
    public long ingest(String project, String image, List<String> tags, Inventory inventory)
            throws InvalidSbomException {
        java.io.ByteArrayOutputStream sbom = new java.io.ByteArrayOutputStream();
        try {
            new CycloneDxWriter().write(inventory, sbom);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ingest(project, image, tags, sbom.toByteArray());
    }

    static List<StoredFinding> findingsOf(Package pkg, List<StoredFinding> findings) {
        return findings.stream().filter(f -> f.packageName().equals(pkg.name())
                && f.packageType().equals(pkg.type().purlType())).toList();
    }
}
