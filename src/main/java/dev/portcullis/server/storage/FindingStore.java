package dev.portcullis.server.storage;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Reads findings with the analyst decision that applies to each. */
public final class FindingStore {

    private static final String FROM_WHERE = """
            from finding f
            join scan s on s.id = f.scan_id
            left join lateral (
                select d.id, d.verdict, d.reason, d.author, d.expires_at from decision d
                where d.image_id = s.image_id and d.vuln_id = f.vuln_id and d.package_name = f.package_name
                  and d.revoked_at is null and (d.expires_at is null or d.expires_at > now())
                order by d.id desc limit 1) d on true
            where f.scan_id = :scan
              and (cast(:verdict as text) is null or coalesce(d.verdict, f.verdict) = :verdict)
              and (cast(:risk as text) is null or f.risk = :risk)
              and (cast(:pkg as text) is null or f.package_name = :pkg)
              and (cast(:vuln as text) is null or f.vuln_id = :vuln)
            """;

    private final Jdbi jdbi;

    public FindingStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * A finding as the API returns it.
     *
     * @param verdict the effective verdict: the analyst's decision when one applies, else the analysis
     * @param analysisVerdict the verdict of the analysis alone
     * @param decisionId the applying decision, or null
     */
    public record FindingView(long id, long scanId, String vulnId, String packageType, String packageName,
            String packageVersion, String verdict, String analysisVerdict, String risk, boolean kev,
            String fixedVersion, String summary, String evidence, Long decisionId, String decisionReason,
            String decisionAuthor) {}

    /** One page of findings and the number of findings that match the filters. */
    public record Page(List<FindingView> items, int page, int pageSize, long total) {}

    public Page find(long scanId, FindingQuery query) {
        return jdbi.withHandle(handle -> {
            long total = handle.createQuery("select count(*) " + FROM_WHERE)
                    .bind("scan", scanId).bind("verdict", query.verdict()).bind("risk", query.risk())
                    .bind("pkg", query.packageName()).bind("vuln", query.vulnId())
                    .mapTo(Long.class).one();
            List<FindingView> items = handle.createQuery("""
                    select f.id, f.scan_id, f.vuln_id, f.package_type, f.package_name, f.package_version,
                           coalesce(d.verdict, f.verdict) as verdict, f.verdict as analysis_verdict, f.risk, f.kev,
                           f.fixed_version, f.summary, f.evidence::text as evidence,
                           d.id as decision_id, d.reason, d.author
                    """ + FROM_WHERE + " order by f.id limit :limit offset :offset")
                    .bind("scan", scanId).bind("verdict", query.verdict()).bind("risk", query.risk())
                    .bind("pkg", query.packageName()).bind("vuln", query.vulnId())
                    .bind("limit", query.pageSize()).bind("offset", query.offset())
                    .map((rs, ctx) -> new FindingView(rs.getLong("id"), rs.getLong("scan_id"),
                            rs.getString("vuln_id"), rs.getString("package_type"), rs.getString("package_name"),
                            rs.getString("package_version"), rs.getString("verdict"),
                            rs.getString("analysis_verdict"), rs.getString("risk"), rs.getBoolean("kev"),
                            rs.getString("fixed_version"), rs.getString("summary"), rs.getString("evidence"),
                            (Long) rs.getObject("decision_id"), rs.getString("reason"), rs.getString("author")))
                    .list();
            return new Page(items, query.page(), query.pageSize(), total);
        });
    }

    /** Returns every finding of a scan, unpaged, for diffs and pages. */
    public List<FindingView> all(long scanId) {
        return find(scanId, new FindingQuery(null, null, null, null, 1, Integer.MAX_VALUE / 2)).items();
    }
}
