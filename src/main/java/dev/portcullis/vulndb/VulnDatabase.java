package dev.portcullis.vulndb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * Read access to a vulnerability database file. An instance uses one SQLite connection and is not
 * safe for use by several threads at once; open one per thread.
 *
 * <pre>{@code
 * try (VulnDatabase db = VulnDatabase.open(DatabaseLocation.resolve(null))) {
 *     List<Advisory> lodash = db.advisories("npm", "lodash");
 *     Optional<KevEntry> kev = db.kev("CVE-2021-44228");
 * }
 * }</pre>
 */
public final class VulnDatabase implements AutoCloseable {

    private static final String REBUILD_HINT = "run `portcullis db update` (or `portcullis db import PATH`) to rebuild it";

    private final Path file;
    private final Connection connection;
    private final DocumentCodec codec = new DocumentCodec();

    private VulnDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens the database read-only.
     *
     * @throws VulnDbException when the file is missing, is not SQLite, or has another schema version
     */
    public static VulnDatabase open(Path file) throws VulnDbException {
        if (!Files.isRegularFile(file)) {
            throw new VulnDbException(file, "No vulnerability database at " + file
                    + ": run `portcullis db update` or `portcullis db import PATH` to create it");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        Connection connection = null;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            checkVersion(file, connection);
            return new VulnDatabase(file, connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new VulnDbException(file, file + " is not a readable vulnerability database (" + e.getMessage()
                    + "): " + REBUILD_HINT, e);
        } catch (VulnDbException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    static void checkVersion(Path file, Connection connection) throws SQLException, VulnDbException {
        int version = Schema.version(connection);
        if (version == 0) {
            // Every database this code writes has a schema version, so the file belongs to another program.
            throw new VulnDbException(file, file + " is not a Portcullis vulnerability database (an SQLite file with no"
                    + " schema version): pass the file that `portcullis db update` or `portcullis db import PATH`"
                    + " writes");
        }
        if (version != Schema.VERSION) {
            throw new VulnDbException(file, file + " has schema version " + version + " but this Portcullis reads version "
                    + Schema.VERSION + ": " + REBUILD_HINT);
        }
    }

    public Path file() {
        return file;
    }

    public int schemaVersion() {
        return Schema.VERSION;
    }

    /** Returns the time of the last import or update, or null for a database never written to. */
    public Instant builtAt() {
        return query("SELECT value FROM meta WHERE key = 'built_at'", List.of(),
                rows -> Instant.parse(rows.getString(1))).stream().findFirst().orElse(null);
    }

    /**
     * Finds advisories that name the package in exactly this ecosystem or distro release. Each
     * advisory returned contains only the affected entries for that package. Withdrawn advisories
     * are included, so callers check {@link Advisory#isWithdrawn()}.
     *
     * @param ecosystem for example {@code npm}, {@code debian:12}, {@code alpine:3.20}
     * @param packageName the package name; for distros the source package
     */
    public List<Advisory> advisories(String ecosystem, String packageName) {
        String sql = """
                SELECT a.advisory_key, a.document, f.document FROM affected f
                JOIN advisory a ON a.advisory_key = f.advisory_key
                WHERE f.ecosystem = ? AND f.package = ?
                ORDER BY a.source, a.id, f.rowid""";
        Map<Long, Advisory> byKey = new LinkedHashMap<>();
        Map<Long, List<Affected>> entries = new LinkedHashMap<>();
        query(sql, List.of(ecosystem, packageName), rows -> {
            long key = rows.getLong(1);
            if (!byKey.containsKey(key)) {
                byKey.put(key, readAdvisory(rows, 2));
            }
            entries.computeIfAbsent(key, k -> new ArrayList<>()).add(codec.read(rows.getString(3), Affected.class));
            return key;
        });
        return byKey.entrySet().stream().map(e -> e.getValue().withAffected(entries.get(e.getKey()))).toList();
    }

    /**
     * Finds advisories for a Debian-style distro release, applying the tracker's rule that a
     * release without its own entry takes the entry for the whole distro ({@code debian}).
     *
     * @param distro for example {@code debian}
     * @param release for example {@code 12}
     */
    public List<Advisory> distroAdvisories(String distro, String release, String packageName) {
        List<Advisory> specific = advisories(distro + ":" + release, packageName);
        List<Advisory> result = new ArrayList<>(specific);
        for (Advisory fallback : advisories(distro, packageName)) {
            boolean covered = specific.stream().anyMatch(a -> a.source().equals(fallback.source()) && a.id().equals(fallback.id()));
            if (!covered) {
                result.add(fallback);
            }
        }
        return result;
    }

    /** Finds every advisory whose id or one of whose aliases is the given id, with all affected entries. */
    public List<Advisory> byId(String idOrAlias) {
        String sql = """
                SELECT DISTINCT a.advisory_key, a.document FROM advisory_alias n
                JOIN advisory a ON a.advisory_key = n.advisory_key
                WHERE n.vuln_id = ? ORDER BY a.source, a.id""";
        List<Long> keys = new ArrayList<>();
        List<Advisory> found = query(sql, List.of(idOrAlias), rows -> {
            keys.add(rows.getLong(1));
            return readAdvisory(rows, 2);
        });
        List<Advisory> result = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            List<Affected> affected = query("SELECT document FROM affected WHERE advisory_key = ? ORDER BY rowid",
                    List.of(keys.get(i)), rows -> codec.read(rows.getString(1), Affected.class));
            result.add(found.get(i).withAffected(affected));
        }
        return result;
    }

    public Optional<KevEntry> kev(String cve) {
        return query("SELECT document FROM kev WHERE cve = ?", List.of(cve),
                rows -> codec.read(rows.getString(1), KevEntry.class)).stream().findFirst();
    }

    public Optional<EpssScore> epss(String cve) {
        return query("SELECT cve, epss, percentile, score_date, model_version FROM epss WHERE cve = ?", List.of(cve),
                rows -> new EpssScore(rows.getString(1), rows.getDouble(2), rows.getDouble(3),
                        rows.getString(4) == null ? null : LocalDate.parse(rows.getString(4)),
                        rows.getString(5))).stream().findFirst();
    }

    /** NVD CVSS metrics of a CVE, primary ones first. */
    public List<CvssMetric> cvss(String cve) {
        String sql = """
                SELECT cve, version, source, type, vector, base_score, base_severity FROM cvss
                WHERE cve = ? ORDER BY type, version DESC, source""";
        return query(sql, List.of(cve), rows -> new CvssMetric(rows.getString(1), rows.getString(2), rows.getString(3),
                rows.getString(4), rows.getString(5), rows.getDouble(6), rows.getString(7)));
    }

    /**
     * Finds the release lines of a product from every lifecycle source, ordered by source and line.
     * A database written before the lifecycle tables existed returns an empty list.
     *
     * @param product for example {@code nodejs}, {@code debian}, {@code ubuntu}, {@code alpine}
     */
    public List<ReleaseCycle> releaseCycles(String product) {
        if (!hasLifecycleTables()) {
            return List.of();
        }
        String sql = """
                SELECT product, cycle, codename, released, lts_from, maintenance_from, end_of_life, lts_end,
                  extended_end, latest, source FROM release_cycle WHERE product = ? ORDER BY source, cycle""";
        return query(sql, List.of(product), rows -> new ReleaseCycle(rows.getString(1), rows.getString(2), rows.getString(3),
                date(rows, 4), date(rows, 5), date(rows, 6), date(rows, 7), date(rows, 8), date(rows, 9),
                rows.getString(10), rows.getString(11)));
    }

    /** Finds the published versions of a product, in no particular order; empty for a database without lifecycle tables. */
    public List<ProductRelease> productReleases(String product) {
        if (!hasLifecycleTables()) {
            return List.of();
        }
        String sql = "SELECT product, version, released, lts, security, source FROM product_release WHERE product = ?";
        return query(sql, List.of(product), rows -> new ProductRelease(rows.getString(1), rows.getString(2), date(rows, 3),
                rows.getString(4), rows.getInt(5) != 0, rows.getString(6)));
    }

    /**
     * Finds the packages with limited or ended security support for a distro release, including
     * entries the source gives for no particular release.
     *
     * @param distro for example {@code debian}
     * @param release for example {@code 12}
     */
    public List<SecuritySupportLimit> securitySupportLimits(String distro, String release) {
        if (!hasLifecycleTables()) {
            return List.of();
        }
        String sql = """
                SELECT distro, release, package, kind, last_version, ended, details, source FROM security_support_limit
                WHERE distro = ? AND release IN (?, '') ORDER BY package, kind, release DESC""";
        return query(sql, List.of(distro, release), rows -> new SecuritySupportLimit(rows.getString(1),
                rows.getString(2).isEmpty() ? null : rows.getString(2), rows.getString(3),
                SecuritySupportLimit.Kind.valueOf(rows.getString(4)), rows.getString(5), date(rows, 6), rows.getString(7),
                rows.getString(8)));
    }

    private boolean hasLifecycleTables() {
        try {
            return Schema.hasLifecycleTables(connection);
        } catch (SQLException e) {
            throw new VulnDbQueryException("Query on " + file + " failed: " + e.getMessage(), e);
        }
    }

    private static LocalDate date(ResultSet rows, int column) throws SQLException {
        String value = rows.getString(column);
        return value == null ? null : LocalDate.parse(value);
    }

    public List<SourceInfo> sources() {
        return query("SELECT name, last_modified, record_count, imported_at FROM sources ORDER BY name", List.of(),
                rows -> new SourceInfo(rows.getString(1),
                        rows.getString(2) == null ? null : Instant.parse(rows.getString(2)),
                        rows.getLong(3), Instant.parse(rows.getString(4))));
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private Advisory readAdvisory(ResultSet rows, int column) throws SQLException {
        return codec.read(rows.getString(column), Advisory.class);
    }

    private <T> List<T> query(String sql, List<Object> parameters, RowReader<T> reader) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<T> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(reader.read(rows));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new VulnDbQueryException("Query on " + file + " failed: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing is left to release when closing a read-only connection fails.
        }
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }
}
