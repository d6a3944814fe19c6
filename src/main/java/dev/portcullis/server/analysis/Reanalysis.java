package dev.portcullis.server.analysis;

import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.Package;
import dev.portcullis.server.storage.ScanStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Analyzes the latest scan of every image again after a vulnerability database update, but only the
 * scans that contain a package whose findings changed, and records per image what changed: new,
 * resolved and verdict-changed findings.
 */
public final class Reanalysis {

    private static final Logger LOG = LoggerFactory.getLogger(Reanalysis.class);

    private final Jdbi jdbi;
    private final ScanStore scans;
    private final VulnDbAccess vulnDb;
    private final PackageFingerprints fingerprints;
    private final CycloneDxInventoryReader reader = new CycloneDxInventoryReader();

    public Reanalysis(Jdbi jdbi, ScanStore scans, VulnDbAccess vulnDb) {
        this.jdbi = jdbi;
        this.scans = scans;
        this.vulnDb = vulnDb;
        this.fingerprints = new PackageFingerprints(jdbi);
    }

    /** What one run did. */
    public record Result(long runId, int changedPackages, int reanalyzedScans, int changes) {}

    private record LatestScan(long scanId, long imageId, Inventory inventory) {}

    /** Runs once; the caller makes sure one process runs it per database update. */
    public Result run(String reason) {
        long runId = jdbi.withHandle(handle -> handle.createQuery(
                "insert into analysis_run (reason) values (:reason) returning id")
                .bind("reason", reason).mapTo(Long.class).one());
        List<LatestScan> latest = latestScans();

        Map<String, Inventory> onePackage = new LinkedHashMap<>();
        for (LatestScan scan : latest) {
            for (Package pkg : scan.inventory().packages()) {
                onePackage.computeIfAbsent(PackageFingerprints.key(scan.inventory().distro(), pkg),
                        key -> single(scan.inventory(), pkg));
            }
        }
        List<String> keys = new ArrayList<>(onePackage.keySet());
        List<List<StoredFinding>> perPackage = vulnDb.analyze(new ArrayList<>(onePackage.values()));
        Map<String, String> changed = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String now = PackageFingerprints.fingerprint(perPackage.get(i));
            if (!fingerprints.stored(keys.get(i)).map(now::equals).orElse(false)) {
                changed.put(keys.get(i), now);
            }
        }

        List<LatestScan> touched = latest.stream().filter(scan -> scan.inventory().packages().stream()
                .anyMatch(pkg -> changed.containsKey(PackageFingerprints.key(scan.inventory().distro(), pkg))))
                .toList();
        List<List<StoredFinding>> analyzed = vulnDb.analyze(touched.stream().map(LatestScan::inventory).toList());
        int changes = 0;
        for (int i = 0; i < touched.size(); i++) {
            LatestScan scan = touched.get(i);
            List<StoredFinding> findings = analyzed.get(i);
            changes += jdbi.inTransaction(handle -> apply(handle, runId, scan, findings));
        }
        fingerprints.store(changed);
        int changeCount = changes;
        jdbi.useHandle(handle -> handle.createUpdate("""
                update analysis_run set finished_at = now(), changed_packages = :packages, reanalyzed_scans = :scans
                where id = :id
                """).bind("packages", changed.size()).bind("scans", touched.size()).bind("id", runId).execute());
        LOG.info("Re-analysis {} ({}): {} packages changed, {} scans analyzed again, {} finding changes", runId,
                reason, changed.size(), touched.size(), changeCount);
        return new Result(runId, changed.size(), touched.size(), changeCount);
    }

    private int apply(Handle handle, long runId, LatestScan scan, List<StoredFinding> findings) {
        Map<String, String> before = new HashMap<>();
        handle.createQuery("select vuln_id, package_name, verdict from finding where scan_id = :scan")
                .bind("scan", scan.scanId())
                .map((rs, ctx) -> Map.entry(rs.getString("vuln_id") + " " + rs.getString("package_name"),
                        rs.getString("verdict")))
                .forEach(entry -> before.put(entry.getKey(), entry.getValue()));
        var insert = handle.prepareBatch("""
                insert into analysis_change (run_id, image_id, scan_id, kind, vuln_id, package_name, old_verdict,
                                             new_verdict, risk)
                values (:run, :image, :scan, :kind, :vuln, :pkg, :old, :new, :risk)
                """);
        int count = 0;
        Set<String> after = new java.util.HashSet<>();
        for (StoredFinding finding : findings) {
            after.add(finding.identity());
            String old = before.get(finding.identity());
            String kind = old == null ? "NEW" : old.equals(finding.verdict()) ? null : "VERDICT_CHANGED";
            if (kind != null) {
                insert.bind("run", runId).bind("image", scan.imageId()).bind("scan", scan.scanId()).bind("kind", kind)
                        .bind("vuln", finding.vulnId()).bind("pkg", finding.packageName()).bind("old", old)
                        .bind("new", finding.verdict()).bind("risk", finding.risk()).add();
                count++;
            }
        }
        for (Map.Entry<String, String> gone : before.entrySet()) {
            if (!after.contains(gone.getKey())) {
                String[] parts = gone.getKey().split(" ", 2);
                insert.bind("run", runId).bind("image", scan.imageId()).bind("scan", scan.scanId())
                        .bind("kind", "RESOLVED").bind("vuln", parts[0]).bind("pkg", parts[1])
                        .bind("old", gone.getValue()).bind("new", (String) null).bind("risk", (String) null).add();
                count++;
            }
        }
        if (count > 0) {
            insert.execute();
        }
        scans.replaceFindings(handle, scan.scanId(), findings);
        return count;
    }

    private List<LatestScan> latestScans() {
        List<Map.Entry<long[], String>> rows = jdbi.withHandle(handle -> handle.createQuery("""
                select distinct on (s.image_id) s.id, s.image_id, i.name, s.inventory::text as inventory
                from scan s join image i on i.id = s.image_id
                order by s.image_id, s.id desc
                """).map((rs, ctx) -> Map.entry(new long[] {rs.getLong("id"), rs.getLong("image_id")},
                rs.getString("name") + "\n" + rs.getString("inventory"))).list());
        List<LatestScan> latest = new ArrayList<>();
        for (Map.Entry<long[], String> row : rows) {
            String[] parts = row.getValue().split("\n", 2);
            try {
                Inventory inventory = reader.read(parts[1].getBytes(StandardCharsets.UTF_8), parts[0]);
                latest.add(new LatestScan(row.getKey()[0], row.getKey()[1], inventory));
            } catch (InvalidSbomException e) {
                LOG.warn("Skipped scan {} in re-analysis: its stored inventory is unreadable: {}", row.getKey()[0],
                        e.getMessage());
            }
        }
        return latest;
    }

    private static Inventory single(Inventory inventory, Package pkg) {
        return new Inventory(inventory.image(), inventory.distro(), List.of(pkg), List.of(), inventory.scannedAt(),
                inventory.toolVersion());
    }
}
