package dev.portcullis.vulndb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The SQLite schema of the vulnerability database. {@code PRAGMA user_version} contains
 * {@link #VERSION}. A reader rejects any other value, so a change to these tables must raise it.
 */
final class Schema {

    static final int VERSION = 1;

    private static final List<String> STATEMENTS = List.of(
            """
            CREATE TABLE meta (
              key TEXT PRIMARY KEY,
              value TEXT NOT NULL)""",
            """
            CREATE TABLE sources (
              name TEXT PRIMARY KEY,
              last_modified TEXT,
              record_count INTEGER NOT NULL,
              imported_at TEXT NOT NULL)""",
            """
            CREATE TABLE advisory (
              advisory_key INTEGER PRIMARY KEY,
              source TEXT NOT NULL,
              id TEXT NOT NULL,
              modified TEXT,
              document TEXT NOT NULL,
              UNIQUE (source, id))""",
            """
            CREATE TABLE advisory_alias (
              advisory_key INTEGER NOT NULL REFERENCES advisory ON DELETE CASCADE,
              vuln_id TEXT NOT NULL)""",
            "CREATE INDEX advisory_alias_by_id ON advisory_alias (vuln_id)",
            "CREATE INDEX advisory_alias_by_advisory ON advisory_alias (advisory_key)",
            """
            CREATE TABLE affected (
              advisory_key INTEGER NOT NULL REFERENCES advisory ON DELETE CASCADE,
              ecosystem TEXT NOT NULL,
              package TEXT NOT NULL,
              document TEXT NOT NULL)""",
            "CREATE INDEX affected_by_package ON affected (ecosystem, package)",
            "CREATE INDEX affected_by_advisory ON affected (advisory_key)",
            """
            CREATE TABLE kev (
              cve TEXT PRIMARY KEY,
              document TEXT NOT NULL)""",
            """
            CREATE TABLE epss (
              cve TEXT PRIMARY KEY,
              epss REAL NOT NULL,
              percentile REAL NOT NULL,
              score_date TEXT,
              model_version TEXT)""",
            """
            CREATE TABLE cvss (
              cve TEXT NOT NULL,
              version TEXT NOT NULL,
              source TEXT NOT NULL,
              type TEXT NOT NULL,
              vector TEXT NOT NULL,
              base_score REAL NOT NULL,
              base_severity TEXT)""",
            "CREATE INDEX cvss_by_cve ON cvss (cve)");

    // Lifecycle tables came after version 1 shipped. They are created when missing, so a version 1
    // file gains them on its next import and readers of older files see them as empty.
    private static final List<String> LIFECYCLE_STATEMENTS = List.of(
            """
            CREATE TABLE IF NOT EXISTS release_cycle (
              product TEXT NOT NULL,
              cycle TEXT NOT NULL,
              source TEXT NOT NULL,
              codename TEXT,
              released TEXT,
              lts_from TEXT,
              maintenance_from TEXT,
              end_of_life TEXT,
              lts_end TEXT,
              extended_end TEXT,
              latest TEXT,
              PRIMARY KEY (product, cycle, source))""",
            """
            CREATE TABLE IF NOT EXISTS product_release (
              product TEXT NOT NULL,
              version TEXT NOT NULL,
              source TEXT NOT NULL,
              released TEXT,
              lts TEXT,
              security INTEGER NOT NULL,
              PRIMARY KEY (product, version, source))""",
            """
            CREATE TABLE IF NOT EXISTS security_support_limit (
              distro TEXT NOT NULL,
              release TEXT NOT NULL,
              package TEXT NOT NULL,
              kind TEXT NOT NULL,
              source TEXT NOT NULL,
              last_version TEXT,
              ended TEXT,
              details TEXT,
              PRIMARY KEY (distro, release, package, kind, source))""");

    private Schema() {}

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : STATEMENTS) {
                statement.execute(sql);
            }
            statement.execute("PRAGMA user_version = " + VERSION);
        }
        createLifecycleTables(connection);
    }

    /** Creates the lifecycle tables where they are missing; the schema version stays as it is. */
    static void createLifecycleTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : LIFECYCLE_STATEMENTS) {
                statement.execute(sql);
            }
        }
    }

    /** Returns whether the file has the lifecycle tables; files written before they existed do not. */
    static boolean hasLifecycleTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'release_cycle'")) {
            return rows.next() && rows.getInt(1) > 0;
        }
    }

    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
