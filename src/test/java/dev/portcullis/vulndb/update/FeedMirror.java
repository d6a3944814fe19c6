package dev.portcullis.vulndb.update;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A feed mirror on 127.0.0.1 for update tests, laid out as {@link DefaultFeeds} describes. It
 * serves the shared files {@code ../shared/vulndata/ghsa/npm/*.json} (zipped as the npm OSV
 * export), {@code ../shared/vulndata/debian-tracker/debian-tracker-sample.synthetic.json},
 * {@code ../shared/vulndata/nodejs/security-wg/core/index.json} and
 * {@code ../shared/vulndata/kev/known_exploited_vulnerabilities.json}, plus this module's Alpine
 * JSON and EPSS fixtures. The lifecycle files come from {@code ../shared/vulndata/distro}
 * (node-releases, distro-info-data, debian-security-support) and this module's
 * {@code vulndb/lifecycle} fixtures. Any other path returns HTTP 404.
 */
public final class FeedMirror implements AutoCloseable {

    private static final Path SHARED = Path.of("../shared/vulndata");

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    public FeedMirror() throws IOException {
        files.put("/osv/npm/all.zip", zip(List.of("GHSA-35jh-r3h4-6jhm.json", "GHSA-p6mc-m468-83gw.json", "GHSA-rv95-896h-c2vc.json")));
        files.put("/debian/tracker.json", Files.readAllBytes(SHARED.resolve("debian-tracker/debian-tracker-sample.synthetic.json")));
        files.put("/alpine/v3.20/main.json", Files.readAllBytes(Path.of("src/test/resources/vulndb/alpine-secdb/v3.20/main.json")));
        files.put("/nodejs/core/index.json", Files.readAllBytes(SHARED.resolve("nodejs/security-wg/core/index.json")));
        files.put("/kev/known_exploited_vulnerabilities.json", Files.readAllBytes(SHARED.resolve("kev/known_exploited_vulnerabilities.json")));
        files.put("/epss/epss_scores-current.csv.gz", gzip(Path.of("src/test/resources/vulndb/epss/epss_scores-2099-05-01.csv")));
        Path distro = SHARED.resolve("distro");
        Path lifecycle = Path.of("src/test/resources/vulndb/lifecycle");
        files.put("/lifecycle/node-schedule.json",
                Files.readAllBytes(distro.resolve("node-releases/data/release-schedule/release-schedule.json")));
        files.put("/lifecycle/node-index.json", Files.readAllBytes(lifecycle.resolve("node-index.json")));
        files.put("/lifecycle/debian.csv", Files.readAllBytes(distro.resolve("distro-info-data/debian.csv")));
        files.put("/lifecycle/ubuntu.csv", Files.readAllBytes(distro.resolve("distro-info-data/ubuntu.csv")));
        for (String list : List.of("security-support-limited", "security-support-ended.deb11", "security-support-ended.deb12")) {
            files.put("/lifecycle/" + list, Files.readAllBytes(distro.resolve("debian-security-support").resolve(list)));
        }
        files.put("/lifecycle/alpine-releases.json", Files.readAllBytes(lifecycle.resolve("alpine-releases.json")));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = files.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static byte[] zip(List<String> names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String name : names) {
                out.putNextEntry(new ZipEntry(name));
                out.write(Files.readAllBytes(SHARED.resolve("ghsa/npm").resolve(name)));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            Files.copy(file, out);
        }
        return bytes.toByteArray();
    }
}
