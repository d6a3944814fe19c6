package dev.portcullis.vulndb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes records into a database file inside the transaction {@link DatabaseBuilder} opened. Every
 * method throws {@link SQLException} unchanged, so the builder can abandon the whole update.
 */
public final class VulnDatabaseWriter {

    /** The source name of CISA KEV entries. */
    public static final String KEV_SOURCE = "cisa-kev";
    /** The source name of EPSS scores. */
    public static final String EPSS_SOURCE = "epss";

    private final Connection connection;
    private final DocumentCodec codec = new DocumentCodec();
    // Full feeds write hundreds of thousands of rows through a dozen statements, so each is prepared once.
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    VulnDatabaseWriter(Connection connection) {
        this.connection = connection;
    }

    public void putAdvisory(Advisory advisory, MergeMode mode) throws SQLException {
        Long key = findKey(advisory.source(), advisory.id());
        if (key == null) {
            insertAdvisory(advisory);
            return;
        }
        if (mode == MergeMode.REPLACE) {
            deleteAdvisory(key);
            insertAdvisory(advisory);
            return;
        }
        Advisory stored = codec.read(selectDocument(key), Advisory.class);
        Advisory merged = mergeFields(stored, advisory);
        update("UPDATE advisory SET modified = ?, document = ? WHERE advisory_key = ?",
                text(merged.modified()), codec.write(merged.withAffected(List.of())), key);
        update("DELETE FROM advisory_alias WHERE advisory_key = ?", key);
        insertAliases(key, merged);
        for (Affected entry : advisory.affected()) {
            update("DELETE FROM affected WHERE advisory_key = ? AND ecosystem = ? AND package = ?",
                    key, entry.ecosystem(), entry.packageName());
        }
        insertAffected(key, advisory.affected());
    }

    /**
     * Removes every stored KEV entry or EPSS score before a complete catalog or daily file is
     * written, so entries the publisher dropped do not linger.
     *
     * @param source {@link #KEV_SOURCE} or {@link #EPSS_SOURCE}
     */
    public void clearSource(String source) throws SQLException {
        switch (source) {
            case KEV_SOURCE -> update("DELETE FROM kev");
            case EPSS_SOURCE -> update("DELETE FROM epss");
            default -> throw new IllegalArgumentException("Only " + KEV_SOURCE + " and " + EPSS_SOURCE
                    + " are replaced whole, not " + source);
        }
    }

    public void putKev(KevEntry entry) throws SQLException {
        update("INSERT OR REPLACE INTO kev (cve, document) VALUES (?, ?)", entry.cve(), codec.write(entry));
    }

    public void putEpss(EpssScore score) throws SQLException {
        update("INSERT OR REPLACE INTO epss (cve, epss, percentile, score_date, model_version) VALUES (?, ?, ?, ?, ?)",
                score.cve(), score.epss(), score.percentile(), text(score.date()), score.modelVersion());
    }

    /** Replaces every stored CVSS metric of the CVE with the given ones. */
    public void replaceCvss(String cve, List<CvssMetric> metrics) throws SQLException {
        update("DELETE FROM cvss WHERE cve = ?", cve);
        for (CvssMetric metric : metrics) {
            update("""
                    INSERT INTO cvss (cve, version, source, type, vector, base_score, base_severity)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    metric.cve(), metric.version(), metric.source(), metric.type(), metric.vector(),
                    metric.baseScore(), metric.baseSeverity());
        }
    }

    /** Stores a release line, replacing the one the same source stored before. */
    public void putReleaseCycle(ReleaseCycle cycle) throws SQLException {
        update("""
                INSERT OR REPLACE INTO release_cycle (product, cycle, source, codename, released, lts_from,
                  maintenance_from, end_of_life, lts_end, extended_end, latest)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                cycle.product(), cycle.cycle(), cycle.source(), cycle.codename(), text(cycle.released()),
                text(cycle.ltsFrom()), text(cycle.maintenanceFrom()), text(cycle.endOfLife()), text(cycle.ltsEnd()),
                text(cycle.extendedEnd()), cycle.latest());
    }

    /** Stores a published version, replacing the one the same source stored before. */
    public void putProductRelease(ProductRelease release) throws SQLException {
        update("""
                INSERT OR REPLACE INTO product_release (product, version, source, released, lts, security)
                VALUES (?, ?, ?, ?, ?, ?)""",
                release.product(), release.version(), release.source(), text(release.released()), release.lts(),
                release.security() ? 1 : 0);
    }

    /** Stores a limited or ended security support entry; an entry without a release is stored under {@code ""}. */
    public void putSecuritySupportLimit(SecuritySupportLimit limit) throws SQLException {
        update("""
                INSERT OR REPLACE INTO security_support_limit (distro, release, package, kind, source, last_version,
                  ended, details)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                limit.distro(), limit.release() == null ? "" : limit.release(), limit.packageName(), limit.kind().name(),
                limit.source(), limit.lastVersion(), text(limit.ended()), limit.details());
    }

    /**
     * Records that a source was imported: counts its stored records and keeps the newer of the
     * stored and the given last-modified date.
     */
    public void recordSource(String name, Instant lastModified, Instant importedAt) throws SQLException {
        long count = countRecords(name);
        Instant previous = null;
        PreparedStatement select = prepare("SELECT last_modified FROM sources WHERE name = ?");
        select.setString(1, name);
        try (ResultSet rows = select.executeQuery()) {
            if (rows.next() && rows.getString(1) != null) {
                previous = Instant.parse(rows.getString(1));
            }
        }
        Instant newest = previous == null || (lastModified != null && lastModified.isAfter(previous)) ? lastModified : previous;
        update("INSERT OR REPLACE INTO sources (name, last_modified, record_count, imported_at) VALUES (?, ?, ?, ?)",
                name, text(newest), count, text(importedAt));
    }

    void setBuiltAt(Instant builtAt) throws SQLException {
        update("INSERT OR REPLACE INTO meta (key, value) VALUES ('built_at', ?)", builtAt.toString());
    }

    private long countRecords(String source) throws SQLException {
        String sql = switch (source) {
            case KEV_SOURCE -> "SELECT count(*) FROM kev WHERE ? IS NOT NULL";
            case EPSS_SOURCE -> "SELECT count(*) FROM epss WHERE ? IS NOT NULL";
            default -> """
                    SELECT (SELECT count(*) FROM advisory WHERE source = ?1)
                      + (SELECT count(*) FROM release_cycle WHERE source = ?1)
                      + (SELECT count(*) FROM product_release WHERE source = ?1)
                      + (SELECT count(*) FROM security_support_limit WHERE source = ?1)""";
        };
        PreparedStatement statement = prepare(sql);
        statement.setString(1, source);
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    private static Advisory mergeFields(Advisory stored, Advisory update) {
        Set<String> aliases = new LinkedHashSet<>(stored.aliases());
        aliases.addAll(update.aliases());
        // A source's newer rating replaces its older one rather than piling up beside it.
        List<Severity> severities = update.severities().isEmpty() ? stored.severities() : update.severities();
        List<Reference> references = new ArrayList<>(stored.references());
        update.references().stream().filter(r -> !references.contains(r)).forEach(references::add);
        return new Advisory(stored.id(), stored.source(), List.copyOf(aliases),
                update.summary() != null ? update.summary() : stored.summary(),
                update.details() != null ? update.details() : stored.details(),
                update.published() != null ? update.published() : stored.published(),
                update.modified() != null ? update.modified() : stored.modified(),
                update.withdrawn() != null ? update.withdrawn() : stored.withdrawn(),
                severities, references, List.of(),
                update.databaseSpecific() != null ? update.databaseSpecific() : stored.databaseSpecific());
    }

    private void insertAdvisory(Advisory advisory) throws SQLException {
        long key;
        PreparedStatement statement = prepare("INSERT INTO advisory (source, id, modified, document) VALUES (?, ?, ?, ?) RETURNING advisory_key");
        statement.setString(1, advisory.source());
        statement.setString(2, advisory.id());
        statement.setString(3, text(advisory.modified()));
        statement.setString(4, codec.write(advisory.withAffected(List.of())));
        try (ResultSet keys = statement.executeQuery()) {
            keys.next();
            key = keys.getLong(1);
        }
        insertAliases(key, advisory);
        insertAffected(key, advisory.affected());
    }

    private void insertAliases(long key, Advisory advisory) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(advisory.id());
        ids.addAll(advisory.aliases());
        for (String id : ids) {
            update("INSERT INTO advisory_alias (advisory_key, vuln_id) VALUES (?, ?)", key, id);
        }
    }

    private void insertAffected(long key, List<Affected> entries) throws SQLException {
        for (Affected entry : entries) {
            update("INSERT INTO affected (advisory_key, ecosystem, package, document) VALUES (?, ?, ?, ?)",
                    key, entry.ecosystem(), entry.packageName(), codec.write(entry));
        }
    }

    private void deleteAdvisory(long key) throws SQLException {
        update("DELETE FROM affected WHERE advisory_key = ?", key);
        update("DELETE FROM advisory_alias WHERE advisory_key = ?", key);
        update("DELETE FROM advisory WHERE advisory_key = ?", key);
    }

    private Long findKey(String source, String id) throws SQLException {
        PreparedStatement statement = prepare("SELECT advisory_key FROM advisory WHERE source = ? AND id = ?");
        statement.setString(1, source);
        statement.setString(2, id);
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : null;
        }
    }

    private String selectDocument(long key) throws SQLException {
        PreparedStatement statement = prepare("SELECT document FROM advisory WHERE advisory_key = ?");
        statement.setLong(1, key);
        try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = prepare(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        statement.executeUpdate();
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** Closes the prepared statements; {@link DatabaseBuilder} calls it before committing. */
    void close() throws SQLException {
        for (PreparedStatement statement : statements.values()) {
            statement.close();
        }
        statements.clear();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
