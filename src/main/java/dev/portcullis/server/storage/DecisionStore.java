package dev.portcullis.server.storage;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Analyst decisions on findings, each recorded with an audit log entry in the same transaction. */
public final class DecisionStore {

    private final Jdbi jdbi;

    public DecisionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * A decision: the verdict an analyst set for a vulnerability in a package of one image.
     *
     * @param justification the OpenVEX justification label of a NOT_AFFECTED decision, or null
     */
    public record Decision(long id, long imageId, String vulnId, String packageName, String verdict,
            String justification, String reason, String author, Instant expiresAt, Instant createdAt,
            Instant revokedAt) {

        /** Returns whether the decision applies at the instant: neither revoked nor expired. */
        public boolean activeAt(Instant instant) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(instant));
        }
    }

    /** An audit log entry. */
    public record AuditEntry(long id, Instant at, String actor, String action, String subject, String details) {}

    /** Records a decision without a justification; see the full form. */
    public long record(long imageId, String vulnId, String packageName, String verdict, String reason, String author,
            Instant expiresAt) {
        return record(imageId, vulnId, packageName, verdict, null, reason, author, expiresAt);
    }

    /** Records a decision and its audit entry, and returns the decision id. */
    public long record(long imageId, String vulnId, String packageName, String verdict, String justification,
            String reason, String author, Instant expiresAt) {
        return jdbi.inTransaction(handle -> {
            long id = handle.createQuery("""
                    insert into decision (image_id, vuln_id, package_name, verdict, justification, reason, author,
                                          expires_at)
                    values (:image, :vuln, :pkg, :verdict, :justification, :reason, :author, :expires)
                    returning id
                    """).bind("image", imageId).bind("vuln", vulnId).bind("pkg", packageName)
                    .bind("verdict", verdict).bind("justification", justification).bind("reason", reason)
                    .bind("author", author)
                    .bind("expires", expiresAt).mapTo(Long.class).one();
            handle.createUpdate("""
                    insert into audit_log (actor, action, subject, details)
                    values (:actor, 'decision.recorded', :subject,
                            jsonb_build_object('decision', :id, 'verdict', :verdict, 'reason', :reason,
                                               'expiresAt', cast(:expires as text)))
                    """).bind("actor", author).bind("subject", "image/" + imageId + "/" + vulnId + "/" + packageName)
                    .bind("id", id).bind("verdict", verdict).bind("reason", reason)
                    .bind("expires", expiresAt == null ? null : expiresAt.toString()).execute();
            return id;
        });
    }

    /** Revokes a decision and logs who did it; returns false when no active decision has that id. */
    public boolean revoke(long id, String actor) {
        return jdbi.inTransaction(handle -> {
            int rows = handle.createUpdate("update decision set revoked_at = now() where id = :id and revoked_at is null")
                    .bind("id", id).execute();
            if (rows == 0) {
                return false;
            }
            handle.createUpdate("""
                    insert into audit_log (actor, action, subject, details)
                    values (:actor, 'decision.revoked', :subject, '{}')
                    """).bind("actor", actor).bind("subject", "decision/" + id).execute();
            return true;
        });
    }

    public List<Decision> ofImage(long imageId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                select * from decision where image_id = :image order by id
                """).bind("image", imageId).map((rs, ctx) -> new Decision(rs.getLong("id"), rs.getLong("image_id"),
                rs.getString("vuln_id"), rs.getString("package_name"), rs.getString("verdict"),
                rs.getString("justification"), rs.getString("reason"), rs.getString("author"), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("revoked_at")))).list());
    }

    public List<AuditEntry> auditLog(int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                select id, at, actor, action, subject, details::text as details from audit_log
                order by id desc limit :limit
                """).bind("limit", limit).map((rs, ctx) -> new AuditEntry(rs.getLong("id"),
                rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("action"),
                rs.getString("subject"), rs.getString("details"))).list());
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
