package dev.portcullis.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real registry (Debian's {@code docker-registry}, the CNCF distribution registry) on 127.0.0.1 and a
 * free port, with its access log in a file so that tests can count the blob downloads it served.
 * Tests are skipped, not failed, when the program or skopeo is not installed.
 */
public final class LocalRegistry implements AutoCloseable {

    static final Path REGISTRY_PROGRAM = Path.of("/usr/bin/docker-registry");
    static final Path SKOPEO = Path.of("/usr/bin/skopeo");
    private static final Pattern BLOB_GET = Pattern.compile("\"GET /v2/[^ ]+/blobs/sha256:[0-9a-f]{64} HTTP/1\\.1\" 200 ");

    private final Process process;
    private final int port;
    private final Path log;

    private LocalRegistry(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static void assumeInstalled() {
        assumeTrue(Files.isExecutable(REGISTRY_PROGRAM),
                "registry tests need " + REGISTRY_PROGRAM + ": install the Debian package docker-registry");
        assumeTrue(Files.isExecutable(SKOPEO),
                "registry tests need " + SKOPEO + ": install the Debian package skopeo");
    }

    /**
     * Returns a registry storage folder that contains {@code demo:1} (the shared demo image),
     * {@code demo:docker-v2} (the same image with a Docker v2 manifest), {@code demo:base}, the
     * two-platform index {@code demo:multi} and the Docker manifest list {@code demo:docker-list}, filled through a plain HTTP registry that is stopped again.
     */
    static Path filledStorage(Path workDir) throws Exception {
        Path storage = Files.createDirectories(workDir.resolve("storage"));
        try (LocalRegistry registry = start(workDir.resolve("filler"), storage, "")) {
            registry.copyIn(DemoImage.TAG, "demo:1");
            registry.copyIn(DemoImage.BASE_TAG, "demo:base");
            registry.copyIn(DemoImage.TAG, "demo:docker-v2", "--format", "v2s2");
            registry.putMultiPlatformIndex("demo", "multi");
            registry.putDockerManifestList("demo", "docker-list", "docker-v2");
        }
        return storage;
    }

    /** Starts a registry on the storage folder with extra YAML lines under the top level. */
    public static LocalRegistry start(Path workDir, Path storage, String extraConfig) throws Exception {
        return start(workDir, storage, "", extraConfig);
    }

    static LocalRegistry start(Path workDir, Path storage, String httpConfig, String extraConfig) throws Exception {
        Files.createDirectories(workDir);
        int port = freePort();
        Path config = workDir.resolve("config.yml");
        Files.writeString(config, """
                version: 0.1
                log:
                  level: info
                  accesslog:
                    disabled: false
                storage:
                  filesystem:
                    rootdirectory: %s
                http:
                  addr: 127.0.0.1:%d
                %s
                %s
                """.formatted(storage, port, httpConfig.indent(2), extraConfig));
        Path log = workDir.resolve("registry.log");
        Process process = new ProcessBuilder(REGISTRY_PROGRAM.toString(), "serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        LocalRegistry registry = new LocalRegistry(process, port, log);
        registry.awaitListening();
        return registry;
    }

    public String endpoint() {
        return "127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** Counts the blob downloads the registry served with HTTP 200, from its access log. */
    long blobDownloads() throws IOException {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> BLOB_GET.matcher(line).find()).count();
        }
    }

    /**
     * Waits until the access log counts at least {@code expected} blob downloads, for up to ten seconds,
     * because the registry writes a request's log line after it has sent the response.
     */
    long awaitBlobDownloads(long expected) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long count = blobDownloads();
        while (count < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            count = blobDownloads();
        }
        return count;
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void copyIn(String sourceTag, String target, String... options) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(SKOPEO.toString(), "copy", "--quiet",
                "--dest-tls-verify=false"));
        command.addAll(List.of(options));
        command.add("oci:" + DemoImage.LAYOUT + ":" + sourceTag);
        command.add("docker://" + endpoint() + "/" + target);
        Tools.run(command);
    }

    /** Pushes an index naming the base image as linux/arm64/v8 and the demo image as linux/amd64. */
    private void putMultiPlatformIndex(String repository, String tag) throws Exception {
        DemoImage demo = DemoImage.load();
        String index = """
                {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
                {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":%d,
                 "platform":{"os":"linux","architecture":"arm64","variant":"v8"}},
                {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":%d,
                 "platform":{"os":"linux","architecture":"amd64"}}]}
                """.formatted(demo.baseManifestDigest(), demo.baseManifestSize(),
                demo.manifestDigest(), demo.manifestSize());
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://" + endpoint() + "/v2/" + repository + "/manifests/" + tag))
                    .header("Content-Type", "application/vnd.oci.image.index.v1+json")
                    .PUT(HttpRequest.BodyPublishers.ofString(index))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
    }

    /** Pushes a Docker manifest list whose only entry is the linux/amd64 manifest of {@code sourceTag}. */
    private void putDockerManifestList(String repository, String tag, String sourceTag) throws Exception {
        String base = "http://" + endpoint() + "/v2/" + repository + "/manifests/";
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> source = http.send(HttpRequest.newBuilder(URI.create(base + sourceTag))
                    .header("Accept", "application/vnd.docker.distribution.manifest.v2+json")
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(source.statusCode()).isEqualTo(200);
            String list = """
                    {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.list.v2+json",
                     "manifests":[{"mediaType":"application/vnd.docker.distribution.manifest.v2+json",
                     "digest":"%s","size":%d,"platform":{"os":"linux","architecture":"amd64"}}]}
                    """.formatted(BlobStore.sha256Digest(source.body()), source.body().length);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + tag))
                    .header("Content-Type", "application/vnd.docker.distribution.manifest.list.v2+json")
                    .PUT(HttpRequest.BodyPublishers.ofString(list))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
    }

    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited with " + process.exitValue() + ":\n" + logText());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        stop();
        throw new IllegalStateException("docker-registry did not listen on " + endpoint() + ":\n" + logText());
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
