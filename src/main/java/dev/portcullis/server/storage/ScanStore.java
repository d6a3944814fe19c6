package dev.portcullis.server.storage;

import dev.portcullis.catalog.Package;
import dev.portcullis.server.analysis.StoredFinding;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Projects, images, scans and their findings. */
public final class ScanStore {

    private final Jdbi jdbi;

    public ScanStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A stored scan without its inventory. */
    public record Scan(long id, long imageId, String digest, Instant scannedAt, Instant receivedAt, String toolVersion) {}

    /** An image with the finding counts of its latest scan. */
    public record ImageSummary(long id, String project, String name, String digest, List<String> tags,
            Long latestScanId, Instant latestScanAt, int critical, int high, int medium, int low, int minimal,
            int affected, int total) {}

    /** Stores one scan with its packages and findings in one transaction, and returns the scan id. */
    public long insertScan(String project, String image, String digest, List<String> tags, Instant scannedAt,
            String toolVersion, String inventoryJson, List<Package> packages, List<StoredFinding> findings) {
        return jdbi.inTransaction(handle -> {
            long projectId = handle.createQuery("""
                    insert into project (name) values (:name)
                    on conflict (name) do update set name = excluded.name
                    returning id
                    """).bind("name", project).mapTo(Long.class).one();
            long imageId = handle.createQuery("""
                    insert into image (project_id, name, digest, tags) values (:project, :name, :digest, :tags)
                    on conflict (project_id, name) do update
                      set digest = coalesce(excluded.digest, image.digest),
                          tags = (select array(select distinct unnest(image.tags || excluded.tags) order by 1))
                    returning id
                    """).bind("project", projectId).bind("name", image).bind("digest", digest)
                    .bind("tags", tags.toArray(String[]::new)).mapTo(Long.class).one();
            long scanId = handle.createQuery("""
                    insert into scan (image_id, digest, scanned_at, tool_version, inventory)
                    values (:image, :digest, :scannedAt, :tool, cast(:inventory as jsonb))
                    returning id
                    """).bind("image", imageId).bind("digest", digest).bind("scannedAt", scannedAt)
                    .bind("tool", toolVersion).bind("inventory", inventoryJson).mapTo(Long.class).one();
            var batch = handle.prepareBatch("""
                    insert into scan_package (scan_id, type, name, version) values (:scan, :type, :name, :version)
                    """);
            for (Package pkg : packages) {
                batch.bind("scan", scanId).bind("type", pkg.type().purlType()).bind("name", pkg.name())
                        .bind("version", pkg.version()).add();
            }
            if (!packages.isEmpty()) {
                batch.execute();
            }
            insertFindings(handle, scanId, findings);
            return scanId;
        });
    }

    /** Replaces the findings of a scan, for re-analysis. */
    public void replaceFindings(Handle handle, long scanId, List<StoredFinding> findings) {
        handle.createUpdate("delete from finding where scan_id = :scan").bind("scan", scanId).execute();
        insertFindings(handle, scanId, findings);
    }

    private static void insertFindings(Handle handle, long scanId, List<StoredFinding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        var batch = handle.prepareBatch("""
                insert into finding (scan_id, vuln_id, package_type, package_name, package_version, verdict, risk,
                                     kev, fixed_version, summary, evidence)
                values (:scan, :vulnId, :packageType, :packageName, :packageVersion, :verdict, :risk,
                        :kev, :fixedVersion, :summary, cast(:evidenceJson as jsonb))
                """);
        for (StoredFinding finding : findings) {
            batch.bind("scan", scanId).bindMethods(finding).add();
        }
        batch.execute();
    }

    public Optional<Scan> scan(long id) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                select id, image_id, digest, scanned_at, received_at, tool_version from scan where id = :id
                """).bind("id", id).map((rs, ctx) -> new Scan(rs.getLong("id"), rs.getLong("image_id"),
                rs.getString("digest"), rs.getTimestamp("scanned_at").toInstant(),
                rs.getTimestamp("received_at").toInstant(), rs.getString("tool_version"))).findOne());
    }

    public String inventoryJson(long scanId) {
        return jdbi.withHandle(handle -> handle.createQuery("select inventory::text from scan where id = :id")
                .bind("id", scanId).mapTo(String.class).one());
    }

    public List<Scan> scansOfImage(long imageId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                select id, image_id, digest, scanned_at, received_at, tool_version
                from scan where image_id = :image order by id desc
                """).bind("image", imageId).map((rs, ctx) -> new Scan(rs.getLong("id"), rs.getLong("image_id"),
                rs.getString("digest"), rs.getTimestamp("scanned_at").toInstant(),
                rs.getTimestamp("received_at").toInstant(), rs.getString("tool_version"))).list());
    }

    public List<String> projects() {
        return jdbi.withHandle(handle -> handle.createQuery("select name from project order by name")
                .mapTo(String.class).list());
    }

    public int countScans() {
        return jdbi.withHandle(handle -> handle.createQuery("select count(*) from scan").mapTo(Integer.class).one());
    }

    /** Lists images with the counts of their latest scan, by effective verdict after decisions. */
    public List<ImageSummary> images(String project, int limit, int offset) {
        return images(project, null, limit, offset);
    }

    private List<ImageSummary> images(String project, Long imageId, int limit, int offset) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                select i.id, p.name as project, i.name, i.digest, i.tags, ls.id as scan_id, ls.scanned_at,
                       count(*) filter (where f.risk = 'CRITICAL') as critical,
                       count(*) filter (where f.risk = 'HIGH') as high,
                       count(*) filter (where f.risk = 'MEDIUM') as medium,
                       count(*) filter (where f.risk = 'LOW') as low,
                       count(*) filter (where f.risk = 'MINIMAL') as minimal,
                       count(*) filter (where coalesce(d.verdict, f.verdict) = 'AFFECTED') as affected,
                       count(f.id) as total
                from image i
                join project p on p.id = i.project_id
                left join lateral (select id, scanned_at from scan where image_id = i.id order by id desc limit 1) ls
                  on true
                left join finding f on f.scan_id = ls.id
                left join lateral (
                    select verdict from decision d
                    where d.image_id = i.id and d.vuln_id = f.vuln_id and d.package_name = f.package_name
                      and d.revoked_at is null and (d.expires_at is null or d.expires_at > now())
                    order by d.id desc limit 1) d on true
                where (cast(:project as text) is null or p.name = :project)
                  and (cast(:image as bigint) is null or i.id = :image)
                group by i.id, p.name, ls.id, ls.scanned_at
                order by p.name, i.name
                limit :limit offset :offset
                """).bind("project", project).bind("image", imageId).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new ImageSummary(rs.getLong("id"), rs.getString("project"), rs.getString("name"),
                        rs.getString("digest"), List.of((String[]) rs.getArray("tags").getArray()),
                        (Long) rs.getObject("scan_id"),
                        rs.getTimestamp("scanned_at") == null ? null : rs.getTimestamp("scanned_at").toInstant(),
                        rs.getInt("critical"), rs.getInt("high"), rs.getInt("medium"), rs.getInt("low"),
                        rs.getInt("minimal"), rs.getInt("affected"), rs.getInt("total")))
                .list());
    }

    public boolean imageExists(long id) {
        return jdbi.withHandle(handle -> handle.createQuery("select exists (select 1 from image where id = :id)")
                .bind("id", id).mapTo(Boolean.class).one());
    }

    /** Returns the id of the image's latest scan, or empty when the image has none. */
    public Optional<Long> latestScanOf(long imageId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                select id from scan where image_id = :image order by id desc limit 1
                """).bind("image", imageId).mapTo(Long.class).findOne());
    }

    public Optional<ImageSummary> image(long id) {
        return images(null, id, 1, 0).stream().findFirst();
    }

    /** Returns per scan of an image its time and finding counts by risk, oldest first, for the trend chart. */
    public List<TrendPoint> trend(long imageId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                select s.id, s.scanned_at,
                       count(*) filter (where f.risk in ('CRITICAL', 'HIGH')) as severe,
                       count(f.id) as total
                from scan s left join finding f on f.scan_id = s.id
                where s.image_id = :image
                group by s.id order by s.id
                """).bind("image", imageId).map((rs, ctx) -> new TrendPoint(rs.getLong("id"),
                rs.getTimestamp("scanned_at").toInstant(), rs.getInt("severe"), rs.getInt("total"))).list());
    }

    /** One scan's finding counts for the trend chart. */
    public record TrendPoint(long scanId, Instant scannedAt, int severe, int total) {}
}
