package dev.portcullis.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of one server process.
 *
 * @param host the address to listen on; 127.0.0.1 unless set otherwise
 * @param port the HTTP port, or 0 for any free port
 * @param dataDir the folder of the embedded PostgreSQL and the vulnerability database
 * @param dbUrl the JDBC URL of an external PostgreSQL, or null for the embedded one
 * @param vulnDb the vulnerability database file that analysis reads
 * @param maxUploadBytes the largest request body accepted; larger ones get 413 unread
 * @param dbUpdateInterval how often the server runs {@code db update}, or null for never
 * @param pollInterval how often the job scheduler looks for due jobs
 * @param secretKeyFile the file of the key that encrypts channel secrets, or null for the environment
 *     variable {@code PORTCULLIS_SECRET_KEY}, else a key generated in the data folder
 */
public record ServerConfig(
        String host,
        int port,
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        Path vulnDb,
        long maxUploadBytes,
        Duration dbUpdateInterval,
        Duration pollInterval,
        String instanceName,
        Path secretKeyFile) {

    public static final long DEFAULT_MAX_UPLOAD_BYTES = 64L * 1024 * 1024;

    /** Creates settings whose secret key comes from the environment or the data folder. */
    public ServerConfig(String host, int port, Path dataDir, String dbUrl, String dbUser, String dbPassword,
            Path vulnDb, long maxUploadBytes, Duration dbUpdateInterval, Duration pollInterval, String instanceName) {
        this(host, port, dataDir, dbUrl, dbUser, dbPassword, vulnDb, maxUploadBytes, dbUpdateInterval, pollInterval,
                instanceName, null);
    }

    // The password stays out of the text, because settings end up in logs and error messages.
    @Override
    public String toString() {
        return "ServerConfig[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", dbUrl=" + dbUrl
                + ", dbUser=" + dbUser + ", vulnDb=" + vulnDb + ", instanceName=" + instanceName
                + ", secretKeyFile=" + secretKeyFile + "]";
    }
}
