package dev.portcullis.server.api;

import dev.portcullis.catalog.Inventory;
import dev.portcullis.report.TriageWriter;
import dev.portcullis.report.cyclonedx.CycloneDxVexWriter;
import dev.portcullis.report.openvex.OpenVexWriter;
import dev.portcullis.server.analysis.CycloneDxInventoryReader;
import dev.portcullis.server.analysis.InvalidSbomException;
import dev.portcullis.server.analysis.TriagingAnalyzer;
import dev.portcullis.server.analysis.VulnDbAccess;
import dev.portcullis.server.storage.ScanStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Exports the triage of an image's latest scan as OpenVEX or CycloneDX VEX. The triage runs again on the
 * stored inventory, so the document reflects the current vulnerability database.
 * TODO: add analyst decisions as statements, so the export matches the dashboard's effective verdicts.
 */
public final class VexExport {

    private final ScanStore scans;
    private final VulnDbAccess vulnDb;
    private final CycloneDxInventoryReader reader = new CycloneDxInventoryReader();

    public VexExport(ScanStore scans, VulnDbAccess vulnDb) {
        this.scans = scans;
        this.vulnDb = vulnDb;
    }

    /** Returns the document, or throws 501 when the server analyzes by matching alone. */
    byte[] export(long imageId, String imageName, boolean openVex) {
        if (!(vulnDb.analyzer() instanceof TriagingAnalyzer triaging)) {
            throw new ApiException(501, "VEX export needs the triage engine, and this server analyzes by matching"
                    + " alone: findings carry no VEX justifications.");
        }
        long scanId = scans.latestScanOf(imageId).orElseThrow(() -> ApiException.notFound("The image has no scan."));
        Inventory inventory;
        try {
            inventory = reader.read(scans.inventoryJson(scanId).getBytes(StandardCharsets.UTF_8), imageName);
        } catch (InvalidSbomException e) {
            throw new IllegalStateException("Stored inventory of scan " + scanId + " is unreadable: " + e.getMessage(), e);
        }
        TriageWriter writer = openVex ? new OpenVexWriter() : new CycloneDxVexWriter();
        return vulnDb.withDatabase(database -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                writer.write(inventory, triaging.triage(inventory, database), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        });
    }
}
