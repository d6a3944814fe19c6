package dev.portcullis.vulndb.update;

import dev.portcullis.vulndb.VulnDbException;
import dev.portcullis.vulndb.feed.FeedImport;
import dev.portcullis.vulndb.feed.FeedInputException;
import dev.portcullis.vulndb.feed.ImportReport;
import dev.portcullis.vulndb.feed.ImportWarning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads feeds into a temporary folder and imports them into the database in one atomic
 * update. A feed that fails to download is reported and left out, and the others are imported.
 *
 * <pre>{@code
 * UpdateReport report = new FeedUpdate(Clock.systemUTC(), Duration.ofMinutes(10))
 *         .run(database, DefaultFeeds.list(DefaultFeeds.OSV_ECOSYSTEMS, DefaultFeeds.ALPINE_BRANCHES));
 * }</pre>
 */
public final class FeedUpdate {

    private static final Logger LOG = LoggerFactory.getLogger(FeedUpdate.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final Clock clock;
    private final Duration requestTimeout;
    private final HttpClient client;

    /**
     * Creates an updater with its own HTTP client.
     *
     * @param requestTimeout the maximum time for one download, from request to last byte
     */
    public FeedUpdate(Clock clock, Duration requestTimeout) {
        this.clock = clock;
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The outcome: what the import did, and which downloads failed. */
    public record UpdateReport(ImportReport imported, List<ImportWarning> failedDownloads) {
        public UpdateReport {
            failedDownloads = List.copyOf(failedDownloads);
        }
    }

    /**
     * Downloads and imports the feeds.
     *
     * @throws FeedInputException when no download succeeded
     * @throws VulnDbException when the database has another schema version or cannot be written
     */
    public UpdateReport run(Path database, List<FeedDownload> downloads) throws FeedInputException, VulnDbException {
        Path folder = createFolder();
        try {
            List<ImportWarning> failures = new ArrayList<>();
            List<Path> files = new ArrayList<>();
            for (FeedDownload download : downloads) {
                try {
                    files.add(download(download, folder));
                } catch (DownloadFailedException e) {
                    LOG.warn("Download of {} failed: {}; feed left out", download.uri(), e.getMessage());
                    failures.add(new ImportWarning(download.uri().toString(), "download failed: " + e.getMessage() + "; feed left out"));
                }
            }
            if (files.isEmpty()) {
                throw new FeedInputException("no feed could be downloaded (" + downloads.size()
                        + " tried): check the network connection or the --mirror address");
            }
            ImportReport imported = new FeedImport(clock).run(database, files, Optional.empty());
            return new UpdateReport(imported, failures);
        } finally {
            deleteFolder(folder);
        }
    }

    private Path download(FeedDownload download, Path folder) throws DownloadFailedException {
        Path target = folder.resolve(download.mirrorPath());
        HttpRequest request = HttpRequest.newBuilder(download.uri()).timeout(requestTimeout).GET().build();
        try {
            Files.createDirectories(target.getParent());
            LOG.info("Downloading {}", download.uri());
            HttpResponse<Path> response = client.send(request, HttpResponse.BodyHandlers.ofFile(target));
            if (response.statusCode() != 200) {
                Files.deleteIfExists(target);
                throw new DownloadFailedException("HTTP status " + response.statusCode());
            }
            return target;
        } catch (IOException e) {
            throw new DownloadFailedException(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadFailedException("interrupted");
        }
    }

    private static final class DownloadFailedException extends Exception {
        DownloadFailedException(String message) {
            super(message);
        }
    }

    private static Path createFolder() throws FeedInputException {
        try {
            return Files.createTempDirectory("portcullis-feeds-");
        } catch (IOException e) {
            throw new FeedInputException("failed to create a temporary download folder: " + e.getMessage());
        }
    }

    private static void deleteFolder(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Failed to delete the download folder {}: {}; delete it by hand", folder, e.getMessage());
        }
    }
}
